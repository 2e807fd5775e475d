package cn.gov.ybj.crossprov.reference.internal;

import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.reference.ReferenceDatasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the GB/T 2260 divisions from {@code reference/divisions.csv} (source and licence in
 * its header) whenever the file differs from the last import: replacing the file and
 * restarting is the refresh. Rows are upserted, never deleted (institutions refer to them).
 */
@Component
@org.springframework.core.annotation.Order(0)
class DivisionImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DivisionImport.class);
    static final String DATASET = "divisions";

    private final ReferenceDatasets datasets;
    private final JdbcTemplate template;
    private final Divisions divisions;

    DivisionImport(ReferenceDatasets datasets, JdbcTemplate template, Divisions divisions) {
        this.datasets = datasets;
        this.template = template;
        this.divisions = divisions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        byte[] csv;
        try (InputStream in = new ClassPathResource("reference/divisions.csv").getInputStream()) {
            csv = in.readAllBytes();
        }
        String hash = ReferenceDatasets.sha256(csv);
        if (datasets.isCurrent(DATASET, hash)) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (String line : new String(csv, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                continue;
            }
            String[] f = line.trim().split(",", -1);
            rows.add(new Object[]{f[0], f[1], Short.parseShort(f[2]), f[3].isEmpty() ? null : f[3], f[4], f[5],
                    RegionCode.of(f[0]).provinceLevelOnly()});
        }
        template.batchUpdate("""
                INSERT INTO app.division (code, name, level, parent_code, province_code, full_name, province_level_only)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                    parent_code = EXCLUDED.parent_code, province_code = EXCLUDED.province_code,
                    full_name = EXCLUDED.full_name, province_level_only = EXCLUDED.province_level_only
                """, rows);
        datasets.recordImport(DATASET, hash);
        divisions.reloaded();
        log.info("Imported {} administrative divisions", rows.size());
    }
}
