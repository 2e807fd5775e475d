package cn.gov.ybj.crossprov.reference.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code app.demo-data.enabled} (the local run, the tests): invented pooling-area data, never
 * written in production. Adds the demo districts 北京市朝阳区 110105 and 北京市海淀区 110108 as
 * pooling areas of their own with quick filing (快速备案; the demo clerks' units), and fills
 * every still empty field of every area with demo values: agency 「…医疗保障事务中心」, phone
 * 12393, address 「…政务服务中心医保窗口」, a demo bank account 「…（演示）」, opened on
 * 2017-01-01, switched to self-service on 2023-01-01. A field an admin has saved (audit row)
 * is never filled, so edits on 统筹区维护 survive restarts.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(2) // after the pooling-area seed (1), before the demo registry (20)
class DemoPoolingAreaLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPoolingAreaLoader.class);
    /** county-level districts that are demo pooling areas (in reality Beijing pools city-wide) */
    static final String DISTRICTS = "'110105', '110108'";

    /** column → {condition under which it counts as empty, demo value}; p = the area, d = its division */
    private static final Map<String, String[]> DEMO_VALUES = new LinkedHashMap<>();

    static {
        DEMO_VALUES.put("opened_on", new String[]{"p.opened_on IS NULL", "DATE '2017-01-01'"});
        DEMO_VALUES.put("mode_switched_on", new String[]{"p.mode_switched_on IS NULL AND p.filing_mode = 'SELF_SERVICE'",
                "DATE '2023-01-01'"});
        DEMO_VALUES.put("agency_name", new String[]{"p.agency_name = ''", "d.full_name || '医疗保障事务中心'"});
        DEMO_VALUES.put("agency_phone", new String[]{"p.agency_phone = ''", "'12393'"});
        DEMO_VALUES.put("agency_address", new String[]{"p.agency_address = ''", "d.full_name || '政务服务中心医保窗口'"});
        DEMO_VALUES.put("bank_account_name", new String[]{"p.bank_account_name = ''", "d.full_name || '医疗保障基金财政专户（演示）'"});
        DEMO_VALUES.put("bank_name", new String[]{"p.bank_name = ''", "'演示银行' || d.full_name || '支行'"});
        DEMO_VALUES.put("bank_account_no", new String[]{"p.bank_account_no = ''", "'6200' || d.code || '0001'"});
    }

    private final JdbcClient jdbc;

    DemoPoolingAreaLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int districts = jdbc.sql("""
                INSERT INTO app.pooling_area (code, province_code, cross_province_open, filing_mode, agency_name)
                SELECT d.code, d.province_code, TRUE, 'QUICK', ''
                FROM app.division d WHERE d.code IN (%s)
                ON CONFLICT (code) DO NOTHING
                """.formatted(DISTRICTS)).update();
        int filled = jdbc.sql(fillStatement()).update();
        if (districts + filled > 0) {
            log.info("DEMO pooling-area data: {} demo districts added, {} areas given demo agency and bank data", districts, filled);
        }
    }

    /** One UPDATE: every empty field without an admin's edit gets its demo value. */
    static String fillStatement() {
        String set = DEMO_VALUES.entrySet().stream().map(e -> "%s = CASE WHEN %s AND NOT EXISTS (%s) THEN %s ELSE p.%s END"
                        .formatted(e.getKey(), e.getValue()[0], editedBy(e.getKey()), e.getValue()[1], e.getKey()))
                .collect(Collectors.joining(",\n    "));
        String anyEmpty = DEMO_VALUES.values().stream().map(v -> "(" + v[0] + ")").collect(Collectors.joining(" OR "));
        return "UPDATE app.pooling_area p SET\n    " + set + "\nFROM app.division d WHERE d.code = p.code AND (" + anyEmpty + ")";
    }

    private static String editedBy(String column) {
        String fields = column.equals("mode_switched_on") ? "'mode_switched_on', 'filing_mode'" : "'" + column + "'";
        return "SELECT 1 FROM app.pooling_area_audit a WHERE a.area_code = p.code AND a.field IN (" + fields + ")";
    }
}
