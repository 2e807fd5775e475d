package cn.gov.ybj.crossprov.reference.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start only (empty table): one pooling area per prefecture-level city and per
 * province-level-only unit, taken from the GB/T 2260 divisions — nothing else. Agency name,
 * phone, address, bank account and the opening and switch dates stay empty until a bureau
 * enters them on the admin screen 统筹区维护; every area starts open for cross-province
 * settlement with self-service filing (自助备案), the national rule. Invented values for the
 * local run and the tests are added by {@link DemoPoolingAreaLoader}, only with demo data on.
 */
@Component
@Order(1)
class PoolingAreaSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PoolingAreaSeed.class);

    private final JdbcClient jdbc;

    PoolingAreaSeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM app.pooling_area").query(Long.class).single() > 0) {
            return;
        }
        int rows = jdbc.sql("""
                INSERT INTO app.pooling_area (code, province_code, cross_province_open, filing_mode, agency_name)
                SELECT d.code, d.province_code, TRUE, 'SELF_SERVICE', ''
                FROM app.division d
                WHERE d.level = 2 OR (d.level = 1 AND d.province_level_only)
                """).update();
        log.info("Seeded {} pooling areas from the divisions (agency and bank data to be entered on 统筹区维护)", rows);
    }
}
