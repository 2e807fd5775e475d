package cn.gov.ybj.crossprov.localrun;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Stands in for the bureau's SMS gateway in the local run and the tests (never in production:
 * off unless {@code app.sms.simulator=true}). The application's {@code HttpSmsGateway} sends to
 * it over HTTP with the gateway credential in header {@value #TOKEN_HEADER}, as it would to the real
 * one; what would have been sent shows to process admins at {@code GET /sim/sms/messages}
 * (newest first), e.g. to finish a binding in the demo (see {@link SimulatorSecurity}).
 */
@RestController
@RequestMapping("/sim/sms")
@ConditionalOnProperty(name = "app.sms.simulator", havingValue = "true")
public class SmsSimulator {

    /** the header HttpSmsGateway sends the gateway credential in */
    static final String TOKEN_HEADER = "X-Gateway-Token";
    private static final int KEPT = 500;

    public record Message(Instant at, String mobile, String text) {
    }

    private final Deque<Message> sent = new ConcurrentLinkedDeque<>();

    @PostMapping("/messages")
    Map<String, Object> receive(@RequestBody Map<String, String> message) {
        sent.addFirst(new Message(Instant.now(), message.get("mobile"), message.get("text")));
        while (sent.size() > KEPT) {
            sent.pollLast();
        }
        return Map.of("accepted", true);
    }

    @GetMapping("/messages")
    List<Message> messages() {
        return List.copyOf(sent);
    }

    /** What went to one number, newest first (tests). */
    public List<Message> sentTo(String mobile) {
        List<Message> list = new ArrayList<>();
        sent.forEach(m -> {
            if (m.mobile().equals(mobile)) {
                list.add(m);
            }
        });
        return list;
    }

    /** The application's gateway client: the gateway credential, no login. */
    @Bean
    static SimulatorSecurity.MachineEndpoint smsGatewayMessages(@Value("${app.sms.gateway-token:}") String token) {
        return new SimulatorSecurity.MachineEndpoint(HttpMethod.POST, "/sim/sms/messages", TOKEN_HEADER, token);
    }
}
