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
 * province-level-only destination, plus the demo districts 朝阳区 and 海淀区, with demo
 * agency and bank data that admins then correct on the admin screen. Demo areas: 110105
 * uses quick filing, 350200 switched to self-service filing on 2023-01-01.
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
                """).update();
        log.info("Seeded {} pooling areas (demo contact and bank data)", rows);
    }
}
