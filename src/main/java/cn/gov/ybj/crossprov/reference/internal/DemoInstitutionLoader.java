package cn.gov.ybj.crossprov.reference.internal;

import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Local run with demo data ({@code app.demo-data.enabled}): the real examples of the national
 * query screen plus generated demo institutions, into an empty table. Not in the tests (they
 * import their own institutions) and never in production.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(10) // after the division import
class DemoInstitutionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInstitutionLoader.class);

    private final JdbcClient jdbc;
    private final InstitutionImport importer;
    private final Divisions divisions;
    private final int count;

    DemoInstitutionLoader(JdbcClient jdbc, InstitutionImport importer, Divisions divisions,
                          @Value("${app.demo.institutions:20000}") int count) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.divisions = divisions;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("SELECT count(*) FROM app.designated_institution").query(Long.class).single() > 0) {
            return;
        }
        try (InputStream seeds = new ClassPathResource("reference/institutions-seed.csv").getInputStream()) {
            importer.importCsv(seeds, false);
        }
        InstitutionImport.Report report = importer.importCsv(
                new ByteArrayInputStream(DemoInstitutions.csv(divisions.counties(), count, 2025)), true);
        log.info("Loaded demo institutions: {} inserted", report.inserted());
    }
}
