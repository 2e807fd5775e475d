package cn.gov.ybj.crossprov.filing.internal;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The registry over HTTP: {@code POST <app.national-registry.url>/filing-events}, a JSON array of notices. */
@Component
class HttpNationalFilingRegistry implements NationalFilingRegistry {

    private final Environment env;
    private final RestClient http;

    HttpNationalFilingRegistry(Environment env, RestClient.Builder builder) {
        this.env = env;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.requestFactory(timeouts).build();
    }

    @Override
    public List<String> report(List<Notice> notices) {
        // read per call: in tests and the local run the simulator's port is known only after start-up
        String base = env.getRequiredProperty("app.national-registry.url");
        Map<?, ?> answer = http.post().uri(base + "/filing-events").contentType(MediaType.APPLICATION_JSON)
                .body(notices).retrieve().body(Map.class);
        if (!(answer != null && answer.get("receipts") instanceof List<?> receipts && receipts.size() == notices.size()
                && !receipts.contains(null))) {
            throw new IllegalStateException("national registry answered without a receipt for each notice");
        }
        return receipts.stream().map(Object::toString).toList();
    }
}
