package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.reference.ReferenceDatasets;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * {@code app.demo-data.enabled}: loads the demo 门诊慢特病资格 after the demo registry, again only
 * when the file changed (sha256). Upserts by (person, disease) and only for persons present in
 * the registry; nothing is deleted, so loading twice changes nothing.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(21) // after the demo registry (20)
class DemoChronicQualificationLoader implements ApplicationRunner {

    static final String FILE = "reference/insured/demo-chronic-qualifications.csv";
    static final String DATASET = "chronic-qualifications-demo";
    static final String HEADER = "person_id_number,disease_code,disease_name,insured_area_code,approved_on,valid_until";
    private static final Pattern DISEASE_CODE = Pattern.compile("M\\d{5}");
    private static final Logger log = LoggerFactory.getLogger(DemoChronicQualificationLoader.class);

    private final JdbcClient jdbc;
    private final ReferenceDatasets datasets;

    DemoChronicQualificationLoader(JdbcClient jdbc, ReferenceDatasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        datasets.loadIfChanged(DATASET, FILE, this::load);
    }

    /** Upserts the rows of persons present in the registry; answers how many rows were written. */
    @Transactional
    int load(byte[] csv) {
        int rows = 0;
        int loaded = 0;
        boolean headerSeen = false;
        int lineNo = 0;
        for (String line : new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\\R")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!HEADER.equals(line.strip())) {
                    throw new IllegalStateException(FILE + ": the header must be " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6 || !DISEASE_CODE.matcher(f[1].strip()).matches() || f[2].isBlank()) {
                throw new IllegalStateException(FILE + " line " + lineNo + ": expected " + HEADER + " with a code like M03900");
            }
            LocalDate approved;
            LocalDate until;
            try {
                approved = LocalDate.parse(f[4].strip());
                until = f[5].isBlank() ? null : LocalDate.parse(f[5].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(FILE + " line " + lineNo + ": dates must be yyyy-MM-dd", e);
            }
            rows++;
            loaded += jdbc.sql("""
                            INSERT INTO app.chronic_qualification (person_id_number, disease_code, disease_name,
                                insured_area_code, approved_on, valid_until)
                            SELECT r.id_number, :code, :name, :area, :approved, :until
                            FROM app.insurance_record r WHERE r.id_number = :person
                            ON CONFLICT (person_id_number, disease_code) DO UPDATE SET disease_name = EXCLUDED.disease_name,
                                insured_area_code = EXCLUDED.insured_area_code, approved_on = EXCLUDED.approved_on,
                                valid_until = EXCLUDED.valid_until""")
                    .param("person", IdNumber.canonical(f[0])).param("code", f[1].strip()).param("name", f[2].strip())
                    .param("area", f[3].strip()).param("approved", approved).param("until", until).update();
        }
        log.info("Loaded DEMO 门诊慢特病资格: {} of {} rows (persons missing from the registry skipped)", loaded, rows);
        return loaded;
    }
}
