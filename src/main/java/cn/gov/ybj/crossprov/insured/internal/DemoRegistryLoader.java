package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.reference.ReferenceDatasets;
import cn.gov.ybj.crossprov.insured.InsuranceRegistryImport;
import cn.gov.ybj.crossprov.insured.RealNameBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code app.demo-data.enabled}: loads the generated demo registry (DEMO data, not real
 * persons) after the pooling areas exist, again only when the file changed (sha256); records
 * 张伟's 家庭共济 relations to 李建华 (spouse) and 李娜 (child) in the registry and links them to her
 * account on that basis; binds the demo accounts of the realm to their persons (method DEMO,
 * with an audit row) as a counter would have — on every start, so that a demo account added later
 * is bound in an existing database too (an account or person bound already is left alone).
 */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(20) // after the division import (0) and the pooling-area seed (1)
class DemoRegistryLoader implements ApplicationRunner {

    static final String FILE = "reference/insured/demo-insurance-records.csv";
    static final String DATASET = "insured-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoRegistryLoader.class);

    private final JdbcClient jdbc;
    private final ReferenceDatasets datasets;
    private final InsuranceRegistryImport importer;
    private final RealNameBinding binding;

    DemoRegistryLoader(JdbcClient jdbc, ReferenceDatasets datasets, InsuranceRegistryImport importer, RealNameBinding binding) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.importer = importer;
        this.binding = binding;
    }

    /** the demo accounts of keycloak-realm/ and their persons */
    static final java.util.Map<String, String> DEMO_ACCOUNTS = java.util.Map.of(
            "zhangwei", "110105195803120029", "liuyang", "11010819850607441X",
            "chenjing", "350203196209151238", "linfang", "350206199001015563",
            // 许晓燕, insured in 厦门 350200: the demo of a transfer-out (and EndToEndTest's)
            "xuxiaoyan", "350206199203180487");

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        byte[] csv;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            csv = in.readAllBytes();
        }
        String hash = ReferenceDatasets.sha256(csv);
        if (!datasets.isCurrent(DATASET, hash)) {
            importRegistry(csv, hash);
        }
        DEMO_ACCOUNTS.forEach(binding::bindDemoAccount);
    }

    private void importRegistry(byte[] csv, String hash) throws IOException {
        InsuranceRegistryImport.Report report = importer.importCsv(new ByteArrayInputStream(csv), true);
        if (!report.ok()) {
            report.errors().stream().limit(20).forEach(e -> log.error("Demo registry: {}", e.message()));
            throw new IllegalStateException("The demo registry " + FILE + " has " + report.errors().size() + " bad rows");
        }
        // the demo account zhangwei has two family members to file for (spouse, child), on the registry's word
        jdbc.sql("""
                INSERT INTO app.family_mutual_aid (id_number, relative_id_number, relationship)
                SELECT '110105195803120029', r.id_number, v.relationship
                FROM app.insurance_record r JOIN (VALUES ('110105195607080031', 'SPOUSE'), ('110105198602140043', 'CHILD'))
                    AS v (id_number, relationship) ON v.id_number = r.id_number
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("""
                INSERT INTO app.family_member (owner_id_number, member_id_number, member_name, relationship, status, basis, confirmed_at)
                SELECT a.id_number, r.id_number, r.name, a.relationship, 'ACTIVE', 'REGISTRY', now()
                FROM app.family_mutual_aid a JOIN app.insurance_record r ON r.id_number = a.relative_id_number
                WHERE a.id_number = '110105195803120029'
                ON CONFLICT (owner_id_number, member_id_number) DO UPDATE SET status = 'ACTIVE', basis = 'REGISTRY',
                    confirmed_at = now()
                """).update();
        datasets.recordImport(DATASET, hash);
        log.info("Loaded the DEMO insured registry: {} persons ({} new, {} updated)",
                report.rows(), report.inserted(), report.updated());
    }
}
