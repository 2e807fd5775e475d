package cn.gov.ybj.crossprov.localrun;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what a production start without {@code DB_URL} needs. Registered in {@code META-INF/spring.factories}. */
public class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(), """
                设置数据库连接后重新启动，例如 / Set the database and start again, e.g.
                    DB_URL=jdbc:postgresql://db.example:5432/crossprov DB_USER=crossprov DB_PASSWORD=…
                本地演示运行（内嵌 PostgreSQL、Keycloak 和演示数据）/ For the local demo run (embedded PostgreSQL, Keycloak, demo data):
                    ./mvnw spring-boot:run -Dspring-boot.run.profiles=local
                See docs/operations.md.""", cause);
    }
}
