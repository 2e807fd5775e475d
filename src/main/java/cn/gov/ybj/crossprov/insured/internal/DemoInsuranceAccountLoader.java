package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.reference.ReferenceDatasets;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.InvalidIdNumberException;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * {@code app.demo-data.enabled}: loads the demo 个人账户余额 and 欠费 (DEMO data) after the demo
 * registry, again only when the file changed (sha256). Upserts by person, so loading twice
 * changes nothing; persons left out keep what they have. Every row must name a person of the
 * registry and two non-negative amounts with at most two decimals, or the start fails: the file
 * ships with the registry file and must match it.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(22) // after the demo registry (20) and the chronic qualifications (21)
class DemoInsuranceAccountLoader implements ApplicationRunner {

    static final String FILE = "reference/insured/demo-insurance-accounts.csv";
    static final String DATASET = "insurance-accounts-demo";
    static final String HEADER = "id_number,balance,arrears";
    private static final Logger log = LoggerFactory.getLogger(DemoInsuranceAccountLoader.class);

    private final JdbcClient jdbc;
    private final ReferenceDatasets datasets;

    DemoInsuranceAccountLoader(JdbcClient jdbc, ReferenceDatasets datasets) {
        this.jdbc = jdbc;
        this.datasets = datasets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        datasets.loadIfChanged(DATASET, FILE, csv -> log.info("Loaded the DEMO 个人账户: {} persons", load(csv)));
    }

    private int load(byte[] csv) {
        int rows = 0;
        int lineNo = 0;
        boolean headerSeen = false;
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
            if (f.length != 3) {
                throw new IllegalStateException(FILE + " line " + lineNo + ": expected " + HEADER);
            }
            String id;
            try {
                id = IdNumber.of(f[0]).value();
            } catch (InvalidIdNumberException e) {
                throw new IllegalStateException(FILE + " line " + lineNo + ": " + e.getMessage(), e);
            }
            BigDecimal balance = amount(f[1], lineNo);
            BigDecimal arrears = amount(f[2], lineNo);
            int written = jdbc.sql("""
                            INSERT INTO app.insurance_account (id_number, balance, arrears, updated_at)
                            SELECT r.id_number, :balance, :arrears, now() FROM app.insurance_record r WHERE r.id_number = :id
                            ON CONFLICT (id_number) DO UPDATE SET balance = EXCLUDED.balance, arrears = EXCLUDED.arrears,
                                updated_at = now()""")
                    .param("id", id).param("balance", balance).param("arrears", arrears).update();
            if (written == 0) {
                throw new IllegalStateException(FILE + " line " + lineNo + ": " + IdNumber.mask(id)
                        + " is not in the demo registry");
            }
            rows++;
        }
        return rows;
    }

    private static BigDecimal amount(String text, int lineNo) {
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            if (amount.signum() < 0 || amount.scale() > 2) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(FILE + " line " + lineNo + ": amounts are yuan, 0 or more, with at most two decimals: "
                    + text);
        }
    }
}
