package cn.gov.ybj.crossprov.filing.registry;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The registry over HTTP: {@code POST <app.national-registry.url>/filing-events}, a JSON array of
 * notices, with the registry's credential {@code app.national-registry.api-key} in header
 * {@code X-Api-Key}. Without a URL the built-in simulator of this application answers, if it is on;
 * with neither the application does not start.
 */
@Component
class HttpNationalFilingRegistry implements NationalFilingRegistry {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final Environment env;
    private final RestClient http;

    HttpNationalFilingRegistry(Environment env, RestClient.Builder builder) {
        this.env = env;
        if (env.getProperty("app.national-registry.url", "").isBlank()
                && !env.getProperty("app.national-registry.simulator", Boolean.class, false)) {
            throw new IllegalStateException("未配置国家异地就医备案库：请设置 NATIONAL_REGISTRY_URL（仅本地运行与测试可用模拟器 "
                    + "NATIONAL_REGISTRY_SIMULATOR=true） / The national filing registry is not configured: set NATIONAL_REGISTRY_URL "
                    + "(only the local run and tests may use the simulator, NATIONAL_REGISTRY_SIMULATOR=true)");
        }
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.requestFactory(timeouts).build();
    }

    @Override
    public List<String> report(List<Notice> notices) {
        RestClient.RequestBodySpec request = http.post().uri(baseUrl() + "/filing-events").contentType(MediaType.APPLICATION_JSON);
        String apiKey = env.getProperty("app.national-registry.api-key", "");
        if (!apiKey.isBlank()) {
            request.header(API_KEY_HEADER, apiKey);
        }
        Map<?, ?> answer = request.body(notices).retrieve().body(Map.class);
        if (!(answer != null && answer.get("receipts") instanceof List<?> receipts && receipts.size() == notices.size()
                && !receipts.contains(null))) {
            throw new IllegalStateException("national registry answered without a receipt for each notice");
        }
        return receipts.stream().map(Object::toString).toList();
    }

    private String baseUrl() {
        String url = env.getProperty("app.national-registry.url", "");
        // read per call: the simulator's port is known only after start-up (tests use random ports)
        return url.isBlank()
                ? "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080")) + "/sim/national-registry"
                : url;
    }
}
