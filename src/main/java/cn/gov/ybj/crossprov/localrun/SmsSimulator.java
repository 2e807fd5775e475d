package cn.gov.ybj.crossprov.localrun;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Stands in for the bureau's SMS gateway in the local run and the tests (never in production:
 * off unless {@code app.sms.simulator=true}). The application sends to it over HTTP with the
 * gateway credential, as it would to the real one; a process admin reads what would have been
 * sent at {@code GET /sim/sms/messages} (newest first), e.g. to finish a binding in the demo.
 */
@RestController
@RequestMapping("/sim/sms")
@ConditionalOnProperty(name = "app.sms.simulator", havingValue = "true")
public class SmsSimulator {

    private static final int KEPT = 500;

    public record Message(Instant at, String mobile, String text) {
    }

    private final Deque<Message> sent = new ConcurrentLinkedDeque<>();
    private final CurrentUser currentUser;
    private final byte[] token;

    SmsSimulator(CurrentUser currentUser, @Value("${app.sms.gateway-token:}") String token) {
        this.currentUser = currentUser;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/messages")
    ResponseEntity<Map<String, Object>> receive(@RequestHeader(value = "Authorization", required = false) String authorization,
                                                @RequestBody Map<String, String> message) {
        if (authorization == null || !MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "gateway credential required"));
        }
        sent.addFirst(new Message(Instant.now(), message.get("mobile"), message.get("text")));
        while (sent.size() > KEPT) {
            sent.pollLast();
        }
        return ResponseEntity.ok(Map.of("accepted", true));
    }

    @GetMapping("/messages")
    ResponseEntity<List<Message>> messages() {
        if (currentUser.get().filter(u -> u.hasRole(Roles.PROCESS_ADMIN)).isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(List.copyOf(sent));
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
}
