package cn.gov.ybj.crossprov.reference.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invented pooling-area data: a production start seeds none, V14 removes what older versions
 * seeded (keeping admins' edits), and a demo run gets exactly the old demo values back. Plain
 * Flyway and the seed classes on real PostgreSQL, without the application context.
 */
class InventedPoolingAreaDataTest {

    /** PoolingAreaSeed before V14, word for word: it ran on every first start, production included. */
    private static final String OLD_SEED = """
            INSERT INTO app.pooling_area (code, province_code, cross_province_open, opened_on, filing_mode, mode_switched_on,
                agency_name, agency_phone, agency_address, bank_account_name, bank_name, bank_account_no)
            SELECT d.code, d.province_code, TRUE, DATE '2017-01-01',
                   CASE WHEN d.code IN ('110105', '110108') THEN 'QUICK' ELSE 'SELF_SERVICE' END,
                   CASE WHEN d.code IN ('110105', '110108') THEN NULL ELSE DATE '2023-01-01' END,
                   d.full_name || '医疗保障事务中心', '12393', d.full_name || '政务服务中心医保窗口',
                   d.full_name || '医疗保障基金财政专户（演示）', '演示银行' || d.full_name || '支行',
                   '6200' || d.code || '0001'
            FROM app.division d
            WHERE d.level = 2 OR (d.level = 1 AND d.province_level_only) OR d.code IN ('110105', '110108')
            """;
    private static final String ROWS = """
            SELECT code, province_code, cross_province_open, opened_on, filing_mode, mode_switched_on, agency_name,
                   agency_phone, agency_address, bank_account_name, bank_name, bank_account_no
            FROM app.pooling_area ORDER BY code
            """;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    /** A fresh database migrated up to {@code target} ("latest" for all), with a few real divisions. */
    private static DataSource database(String target) throws SQLException {
        String name = "invented" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
        }
        DataSource db = postgres.getDatabase("postgres", name);
        migrate(db, target);
        JdbcClient jdbc = JdbcClient.create(db);
        // V1 ships 110000, 110105, 110108, 350000, 350200; the full list comes from the division import
        jdbc.sql("UPDATE app.division SET province_level_only = TRUE WHERE code = '110000'").update();
        jdbc.sql("UPDATE app.division SET level = 2 WHERE code = '350200'").update();
        jdbc.sql("""
                INSERT INTO app.division (code, name, level, parent_code, province_code, full_name, province_level_only)
                VALUES ('350500', '泉州市', 2, '350000', '350000', '福建省泉州市', FALSE),
                       ('350203', '思明区', 3, '350200', '350000', '福建省厦门市思明区', FALSE)
                """).update();
        return db;
    }

    private static void migrate(DataSource db, String target) {
        Flyway.configure().dataSource(db).schemas("app").defaultSchema("app").locations("classpath:db/migration")
                .target(target).load().migrate();
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc) {
        return jdbc.sql(ROWS).query().listOfRows();
    }

    private static String everything(JdbcClient jdbc) {
        return rows(jdbc).stream().map(Map::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aProductionStartSeedsTheAreasFromTheDivisionsAndNothingInvented() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database("latest"));

        new PoolingAreaSeed(jdbc).run(null);

        assertThat(jdbc.sql("SELECT code FROM app.pooling_area ORDER BY code").query(String.class).list())
                .containsExactly("110000", "350200", "350500");
        assertThat(rows(jdbc)).allSatisfy(row -> {
            assertThat(row.get("opened_on")).isNull();
            assertThat(row.get("mode_switched_on")).isNull();
            assertThat(row.get("filing_mode")).isEqualTo("SELF_SERVICE");
            assertThat(row.get("cross_province_open")).isEqualTo(true);
            for (String field : List.of("agency_name", "agency_phone", "agency_address", "bank_account_name", "bank_name",
                    "bank_account_no")) {
                assertThat(row.get(field)).as(field).isEqualTo("");
            }
        });
    }

    @Test
    void v14EmptiesWhatTheOldSeedInventedKeepsAdminsEditsAndDemoRunsGetTheDemoValuesBack() throws Exception {
        // a database of an older version: migrated up to V12 (the last before V14 was written), seeded
        // by the old first start
        DataSource db = database("12");
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql(OLD_SEED).update();
        List<Map<String, Object>> oldSeed = rows(jdbc);
        assertThat(oldSeed).extracting(r -> r.get("code")).containsExactly("110000", "110105", "110108", "350200", "350500");
        // an admin corrected the phone of 泉州 on 统筹区维护 (audited), and a registry person is insured in 110105
        jdbc.sql("UPDATE app.pooling_area SET agency_phone = '0595-22222222', version = version + 1 WHERE code = '350500'").update();
        jdbc.sql("""
                INSERT INTO app.pooling_area_audit (area_code, changed_by, field, old_value, new_value)
                VALUES ('350500', 'process-admin', 'agency_phone', '12393', '0595-22222222')
                """).update();
        jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status)
                VALUES ('110105195803120029', '张伟', 'F', DATE '1958-03-12', '110105', 'EMPLOYEE', 'RETIRED', 'NORMAL')
                """).update();

        migrate(db, "latest");

        // 110108: nobody refers to it, gone; 110105 stays (a person is insured there), emptied
        assertThat(jdbc.sql("SELECT code FROM app.pooling_area ORDER BY code").query(String.class).list())
                .containsExactly("110000", "110105", "350200", "350500");
        assertThat(everything(jdbc)).doesNotContain("12393", "演示", "医疗保障事务中心", "政务服务中心", "6200", "2017-01-01",
                "2023-01-01");
        Map<String, Object> quanzhou = rows(jdbc).stream().filter(r -> r.get("code").equals("350500")).findFirst().orElseThrow();
        assertThat(quanzhou.get("agency_phone")).isEqualTo("0595-22222222");
        assertThat(quanzhou.get("agency_name")).isEqualTo("");
        assertThat(quanzhou.get("opened_on")).isNull();

        // a demo run (local, tests) starts: the seed skips the non-empty table, the demo loader fills in
        new PoolingAreaSeed(jdbc).run(null);
        new DemoPoolingAreaLoader(jdbc).run(null);
        List<Map<String, Object>> expected = oldSeed.stream().map(row -> {
            if (!row.get("code").equals("350500")) {
                return row;
            }
            Map<String, Object> edited = new java.util.LinkedHashMap<>(row);
            edited.put("agency_phone", "0595-22222222");
            return edited;
        }).toList();
        assertThat(rows(jdbc)).isEqualTo(expected);
        // a second start changes nothing
        new DemoPoolingAreaLoader(jdbc).run(null);
        assertThat(rows(jdbc)).isEqualTo(expected);
    }

    @Test
    void aDemoRunOnAFreshDatabaseLooksAsBefore() throws Exception {
        JdbcClient old = JdbcClient.create(database("latest"));
        old.sql(OLD_SEED).update();
        JdbcClient demo = JdbcClient.create(database("latest"));

        new PoolingAreaSeed(demo).run(null);
        new DemoPoolingAreaLoader(demo).run(null);

        assertThat(rows(demo)).isEqualTo(rows(old));
    }
}
