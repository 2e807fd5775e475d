package cn.gov.ybj.crossprov.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The local run prints where everything is and the demo accounts (read from the realm files). */
@Component
@Profile("local")
class ReadyBanner {

    private final Environment env;
    private final ObjectMapper json = new ObjectMapper();

    ReadyBanner(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() throws IOException {
        String app = env.getRequiredProperty("app.base-url");
        String keycloak = env.getProperty("app.keycloak.url");
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        StringBuilder out = new StringBuilder("\n\n==== 跨省异地就医经办系统 ready (JVM up %.1f s) ====\n".formatted(uptimeMs / 1000.0));
        out.append("  App (start page)     ").append(app).append("/\n");
        out.append("  Public queries       ").append(app).append("/public/institutions  ").append(app).append("/public/pooling-areas  ").append(app).append("/public/agencies\n");
        out.append("  Camunda Cockpit      ").append(app).append("/camunda/app/cockpit/  (user process-admin)\n");
        out.append("  Camunda REST API     ").append(app).append("/engine-rest/  (bearer token, process admins)\n");
        out.append("  Application API      ").append(app).append("/api/me  (bearer token)\n");
        out.append("  Health / metrics     ").append(app).append("/actuator/health  ").append(app).append("/actuator/prometheus\n");
        out.append("  Keycloak admin       ").append(keycloak).append("/admin/  (")
                .append(env.getProperty("app.local-keycloak.admin-user", "admin")).append(" / ")
                .append(env.getProperty("app.local-keycloak.admin-password", "admin")).append(")\n");
        out.append("  Demo accounts (realm: user / password — roles, groups):\n");
        for (String line : demoAccounts(Path.of(env.getProperty("app.local-keycloak.realm-dir", "keycloak-realm")))) {
            out.append("    ").append(line).append('\n');
        }
        out.append("  Stop with Ctrl+C (stops Keycloak and PostgreSQL too).\n");
        System.out.println(out);
    }

    List<String> demoAccounts(Path realmDir) throws IOException {
        List<String> lines = new ArrayList<>();
        // the demo users live apart from the realms (demo/<realm>-users-0.json): production never imports them
        try (Stream<Path> files = Files.list(realmDir.resolve("demo"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode realm = json.readTree(file.toFile());
                for (JsonNode user : realm.path("users")) {
                    JsonNode password = user.path("credentials").path(0).path("value");
                    if (password.isMissingNode()) {
                        continue; // service accounts
                    }
                    lines.add("%-10s %-16s / %s — %s %s".formatted(realm.path("realm").asText(), user.path("username").asText(),
                            password.asText(), user.path("realmRoles"), user.path("groups")));
                }
            }
        }
        return lines;
    }
}
