package cn.gov.ybj.crossprov.localrun;

import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * production: off unless {@code app.national-registry.simulator=true}). The application's registry
 * client posts its notices with the shared secret {@code app.national-registry.api-key} in header
 * {@value #API_KEY_HEADER}, as it would to the real registry; everything else here takes a process
 * admin (see {@link SimulatorSecurity}). It can be told to fail, to show the incident in Cockpit and
 * the retry: {@code curl -X PUT -H "Authorization: Bearer $TOKEN" 'localhost:8080/sim/national-registry/failure?failing=true'}.
 */
@RestController
@RequestMapping("/sim/national-registry")
@ConditionalOnProperty(name = "app.national-registry.simulator", havingValue = "true")
class NationalRegistrySimulator {

    /** the header the registry client sends the shared secret in (HttpNationalFilingRegistry) */
    static final String API_KEY_HEADER = "X-Api-Key";

    private final AtomicBoolean failing = new AtomicBoolean();
    private final Map<Long, Map<String, Object>> received = new ConcurrentHashMap<>();

    NationalRegistrySimulator(@Value("${app.national-registry.api-key:}") String apiKey) {
        if (apiKey.isBlank()) {
            throw new IllegalStateException("国家备案库模拟器需要共享密钥：请设置 NATIONAL_REGISTRY_API_KEY / "
                    + "The national registry simulator needs a shared secret: set NATIONAL_REGISTRY_API_KEY");
        }
    }

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

    /** The application's registry client: the shared secret, no login. */
    @Bean
    static SimulatorSecurity.MachineEndpoint nationalRegistryReports(@Value("${app.national-registry.api-key:}") String apiKey) {
        return new SimulatorSecurity.MachineEndpoint(HttpMethod.POST, "/sim/national-registry/filing-events", API_KEY_HEADER, apiKey);
    }
}
