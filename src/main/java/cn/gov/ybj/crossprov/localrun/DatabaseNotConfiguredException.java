package cn.gov.ybj.crossprov.localrun;

/**
 * A start outside the local run and the tests without an external database ({@code DB_URL}):
 * the application stops before anything else starts. {@link DatabaseNotConfiguredFailureAnalyzer}
 * prints the message and what to do.
 */
public class DatabaseNotConfiguredException extends IllegalStateException {

    static final String MESSAGE = "未配置数据库：请设置 DB_URL（以及 DB_USER、DB_PASSWORD）指向 PostgreSQL 17，"
            + "内嵌 PostgreSQL 只用于本地运行（profile local）和测试。"
            + " / No database configured: set DB_URL (and DB_USER, DB_PASSWORD) to a PostgreSQL 17 database;"
            + " embedded PostgreSQL is only for the local run (profile local) and the tests.";

    DatabaseNotConfiguredException() {
        super(MESSAGE);
    }
}
