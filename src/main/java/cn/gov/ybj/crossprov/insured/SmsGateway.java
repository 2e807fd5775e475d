package cn.gov.ybj.crossprov.insured;

/**
 * The bureau's SMS gateway (短信平台), through which binding codes reach the mobile number the
 * insured registry holds. Production: {@code SMS_GATEWAY_URL}; the local run and the tests
 * point it at the simulator under {@code /sim/sms}.
 */
public interface SmsGateway {

    /** @throws SmsNotSentException when the gateway did not accept the message */
    void send(String mobile, String text);

    class SmsNotSentException extends RuntimeException {
        public SmsNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
