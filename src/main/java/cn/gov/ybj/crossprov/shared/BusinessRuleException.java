package cn.gov.ybj.crossprov.shared;

/**
 * A business rule refused the request. Both messages can be shown as they are; the REST
 * layer answers 422 with {@code messageZh} and {@code messageEn} in the body.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageZh;
    private final String messageEn;

    public BusinessRuleException(String messageZh, String messageEn) {
        super(messageZh + " / " + messageEn);
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
