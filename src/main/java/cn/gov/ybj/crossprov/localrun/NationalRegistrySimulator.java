package cn.gov.ybj.crossprov.localrun;

import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stands in for the national filing registry in the local run and the tests (never in
 * production: off unless {@code app.national-registry.simulator=true}). It can be told to fail,
 * to show the incident in Cockpit and the retry:
 * {@code curl -X PUT 'localhost:8080/sim/national-registry/failure?failing=true'}.
 */
@RestController
@RequestMapping("/sim/national-registry")
@ConditionalOnProperty(name = "app.national-registry.simulator", havingValue = "true")
class NationalRegistrySimulator {

    private final AtomicBoolean failing = new AtomicBoolean();
    private final Map<Long, Map<String, Object>> received = new ConcurrentHashMap<>();

    @PostMapping("/filing-events")
    ResponseEntity<Map<String, Object>> receive(@RequestBody List<Map<String, Object>> notices) {
        if (failing.get()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "simulated outage"));
        }
        List<String> receipts = new ArrayList<>();
        for (Map<String, Object> notice : notices) {
            long eventId = ((Number) notice.get("eventId")).longValue();
            // the same event reported twice gets the same receipt, as the real registry promises
            received.putIfAbsent(eventId, notice);
            receipts.add("NR" + String.format("%012d", eventId));
        }
        return ResponseEntity.ok(Map.of("receipts", receipts));
    }

    @PutMapping("/failure")
    Map<String, Object> setFailing(@RequestParam boolean failing) {
        this.failing.set(failing);
        return Map.of("failing", failing);
    }

    /** What arrived, ID numbers masked. */
    @GetMapping("/filing-events")
    List<Map<String, Object>> received() {
        List<Map<String, Object>> list = new ArrayList<>();
        received.values().forEach(n -> {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(n);
            copy.computeIfPresent("idNumber", (k, v) -> IdNumber.mask(v.toString()));
            list.add(copy);
        });
        return list;
    }

    /** The simulator has no login: it stands for another authority's system. */
    @Bean
    @Order(0)
    SecurityFilterChain nationalRegistrySimulatorChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/sim/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .build();
    }
}
