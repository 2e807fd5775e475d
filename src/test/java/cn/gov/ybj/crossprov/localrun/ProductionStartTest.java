package cn.gov.ybj.crossprov.localrun;

import cn.gov.ybj.crossprov.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A production start (no profile) without DB_URL stops at once with a message; it never starts embedded PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    @Test
    void aStartWithoutProfileAndWithoutDbUrlStopsAtOnceWithAClearMessage(CapturedOutput output) {
        Instant start = Instant.now();
        // "--spring.datasource.url=" overrides a DB_URL the machine running the tests might have
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run("--spring.datasource.url="))
                .isInstanceOf(DatabaseNotConfiguredException.class)
                .hasMessageContaining("未配置数据库：请设置 DB_URL")
                .hasMessageContaining("No database configured: set DB_URL");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        // the failure analysis is printed for the operator, in both languages, with what to do
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("未配置数据库：请设置 DB_URL").contains("No database configured")
                .contains("DB_URL=jdbc:postgresql://").contains("-Dspring-boot.run.profiles=local")
                .doesNotContain("Embedded PostgreSQL listening");
    }

    @Test
    void embeddedPostgresOnlyForTheLocalRunAndTheTests() {
        assertThatThrownBy(() -> ExternalDatabaseRequired.check(new MockEnvironment()))
                .isInstanceOf(DatabaseNotConfiguredException.class);
        assertThatThrownBy(() -> ExternalDatabaseRequired.check(withProfiles("prod")))
                .isInstanceOf(DatabaseNotConfiguredException.class);
        assertThatCode(() -> ExternalDatabaseRequired.check(withProfiles("local"))).doesNotThrowAnyException();
        assertThatCode(() -> ExternalDatabaseRequired.check(withProfiles("test"))).doesNotThrowAnyException();
        assertThatCode(() -> ExternalDatabaseRequired.check(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/crossprov"))).doesNotThrowAnyException();
    }

    private static MockEnvironment withProfiles(String... profiles) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles(profiles);
        return env;
    }
}
