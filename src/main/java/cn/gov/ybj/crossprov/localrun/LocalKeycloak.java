package cn.gov.ybj.crossprov.localrun;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * With {@code app.local-keycloak.enabled=true} (the local run and the end-to-end tests),
 * starts Keycloak before the application context, because the engine reads Camunda's users
 * and groups from it at start-up, and points {@code app.keycloak.url} at it. One server per
 * JVM, stopped when the JVM ends. Registered in {@code META-INF/spring.factories}.
 */
public class LocalKeycloak implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static KeycloakServer server;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("app.local-keycloak.enabled", Boolean.class, false)) {
            return;
        }
        KeycloakServer keycloak = startOnce(env);
        env.getPropertySources().addFirst(new MapPropertySource("localKeycloak", Map.of(
                "app.keycloak.url", keycloak.url(),
                "app.keycloak.internal-url", keycloak.url())));
    }

    /** The running server of this JVM, if any (tests use it for admin calls). */
    public static synchronized KeycloakServer server() {
        return server;
    }

    private static synchronized KeycloakServer startOnce(ConfigurableEnvironment env) {
        if (server != null) {
            return server;
        }
        try {
            String dataDir = env.getProperty("app.local-keycloak.data-dir", "");
            Path data = dataDir.isBlank() ? Files.createTempDirectory("keycloak-data") : Path.of(dataDir).toAbsolutePath();
            server = KeycloakServer.start(new KeycloakServer.Options(
                    env.getRequiredProperty("app.local-keycloak.version"),
                    env.getProperty("app.local-keycloak.maven-repository", "https://repo.maven.apache.org/maven2"),
                    Path.of(env.getProperty("app.local-keycloak.realm-dir", "keycloak-realm")).toAbsolutePath(),
                    data,
                    env.getProperty("app.local-keycloak.port", Integer.class, 0),
                    env.getRequiredProperty("app.base-url"),
                    env.getProperty("app.local-keycloak.admin-user", "admin"),
                    env.getProperty("app.local-keycloak.admin-password", "admin"),
                    Duration.ofSeconds(env.getProperty("app.local-keycloak.start-timeout-seconds", Integer.class, 240)),
                    Map.of(
                            // demo accounts sign in with the password alone (production default: TOTP required)
                            "KC_CLERKS_OTP_REQUIREMENT", env.getProperty("app.local-keycloak.clerks-otp-requirement", "DISABLED"),
                            // password-grant client for tests and scripts (disabled in production)
                            "KC_TEST_CLIENT_ENABLED", "true")));
            KeycloakServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
        }
    }
}
