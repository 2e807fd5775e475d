package cn.gov.ybj.crossprov.localrun;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Only the local run (profile {@code local}) and the tests (profile {@code test}) may start
 * embedded PostgreSQL ({@link EmbeddedPostgresConfiguration}); any other start needs an
 * external database and stops at once, before the context, Keycloak or the engine start, when
 * {@code spring.datasource.url} ({@code DB_URL}) is empty. Runs right after the logging system
 * is set up, so the failure report goes through the application's log configuration.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ExternalDatabaseRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final Profiles EMBEDDED_DATABASE_ALLOWED = Profiles.of("local | test");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment env) {
        if (env.acceptsProfiles(EMBEDDED_DATABASE_ALLOWED)) {
            return;
        }
        if (env.getProperty("spring.datasource.url", "").isBlank() && env.getProperty("spring.datasource.jndi-name", "").isBlank()) {
            throw new DatabaseNotConfiguredException();
        }
    }

    @Override
    public int getOrder() {
        // after the environment post-processors (profiles, application.yml) and the logging system,
        // before LocalKeycloak (lowest precedence)
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
