package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.insured.SmsGateway;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.util.Map;

/**
 * {@code POST <app.sms.gateway-url>/messages} with {@code {"mobile": .., "text": ..}} and the
 * gateway's credential {@code app.sms.gateway-token} in header {@code X-Gateway-Token}.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private final Environment env;
    private final RestClient http;

    HttpSmsGateway(Environment env, RestClient.Builder builder) {
        this.env = env;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.requestFactory(timeouts).build();
    }

    @Override
    public void send(String mobile, String text) {
        // read per call: in the tests and the local run the simulator's port is known only after start-up
        String base = env.getProperty("app.sms.gateway-url", "");
        if (base.isBlank()) {
            throw new SmsNotSentException("SMS_GATEWAY_URL is not set", null);
        }
        try {
            http.post().uri(base + "/messages").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Gateway-Token", env.getProperty("app.sms.gateway-token", ""))
                    .body(Map.of("mobile", mobile, "text", text)).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw new SmsNotSentException("SMS gateway refused or unreachable", e);
        }
    }
}
