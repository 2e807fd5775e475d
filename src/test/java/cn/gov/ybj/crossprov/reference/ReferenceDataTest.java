package cn.gov.ybj.crossprov.reference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Divisions, institution import and public queries on the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReferenceDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InstitutionImport importer;
    @Autowired
    DesignatedInstitutions institutions;
    @Autowired
    Divisions divisions;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TransactionTemplate transactions;

    private InstitutionImport.Report load(String... rows) throws Exception {
        String csv = InstitutionImport.HEADER + "\n" + String.join("\n", rows) + "\n";
        return importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true);
    }

    private long institutionCount() {
        return jdbc.sql("SELECT count(*) FROM app.designated_institution").query(Long.class).single();
    }

    @Test
    void divisionsComeFromTheShippedDataset() {
        assertThat(jdbc.sql("SELECT count(*) FROM app.division").query(Long.class).single()).isGreaterThan(3000);
        assertThat(divisions.name("110105")).contains("北京市朝阳区");
        assertThat(divisions.name("350203")).contains("福建省厦门市思明区");
        assertThat(divisions.provinces()).hasSize(32)
                .filteredOn(Divisions.Division::provinceLevelOnly).extracting(Divisions.Division::code)
                .containsExactlyInAnyOrder("110000", "120000", "310000", "500000", "460000", "540000", "660000");
        assertThat(divisions.children("350000")).extracting(Divisions.Division::code).contains("350200");
        assertThat(divisions.counties()).extracting(Divisions.Division::code).contains("110105", "350203").doesNotContain("350200");
    }

    @Test
    void importIsIdempotentAndUpdatesChangedRows() throws Exception {
        String a = "1,350203,厦门思明甲医院,3502030000001,三级甲等,综合医院,厦门市思明区一路1号";
        String b = "2,福建省厦门市思明区,厦门思明乙医院,3502030000002,二级,专科医院,厦门市思明区二路2号";
        InstitutionImport.Report first = load(a, b);
        assertThat(first.ok()).isTrue();
        assertThat(first.inserted()).isEqualTo(2);

        InstitutionImport.Report again = load(a, b);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);

        InstitutionImport.Report changed = load(a, b.replace("二级", "二级甲等"));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT grade FROM app.designated_institution WHERE code = '3502030000002'")
                .query(String.class).single()).isEqualTo("二级甲等");
    }

    @Test
    void fileWithBadRowsReportsEachAndWritesNothing() throws Exception {
        long before = institutionCount();
        InstitutionImport.Report report = load(
                "1,350203,好医院,3502030000101,三级甲等,综合医院,地址",
                "2,350203,坏编码医院,35020300001,三级甲等,综合医院,地址",
                "3,999999,未知地区医院,3502030000102,三级甲等,综合医院,地址",
                "4,350203,重复医院,3502030000101,三级甲等,综合医院,地址",
                "5,350203,,3502030000103,三级甲等,综合医院,地址");

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).extracting(InstitutionImport.RowError::line).containsExactly(3, 4, 5, 6);
        assertThat(report.errors().get(0).message()).contains("13位").contains("13 digits");
        assertThat(report.errors().get(1).message()).contains("未知的行政区");
        assertThat(report.errors().get(2).message()).contains("重复");
        assertThat(institutionCount()).isEqualTo(before);
    }

    @Test
    void filtersCombineAndPagingIsStable() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(i + ",350206," + (i % 2 == 0 ? "湖里康复医院" : "湖里口腔医院") + i + ","
                    + String.format("350206%07d", i) + "," + (i % 3 == 0 ? "二级" : "三级甲等") + ",专科医院,厦门市湖里区");
        }
        assertThat(load(rows.toArray(String[]::new)).inserted()).isEqualTo(30);

        InstitutionFilter kangfu = new InstitutionFilter("350200", "康复", null, null);
        assertThat(institutions.count(kangfu)).isEqualTo(15);
        assertThat(institutions.count(new InstitutionFilter("350200", "康复", "二级", null))).isEqualTo(5);
        assertThat(institutions.count(new InstitutionFilter("110000", "湖里康复", null, null))).isZero();
        assertThat(institutions.count(new InstitutionFilter("350000", "湖里", "三级甲等", "专科医院"))).isEqualTo(20);

        DesignatedInstitutions.Page p0 = institutions.search(kangfu, 0, 10);
        DesignatedInstitutions.Page p1 = institutions.search(kangfu, 1, 10);
        assertThat(p0.total()).isEqualTo(15);
        assertThat(p0.items()).hasSize(10).allSatisfy(i -> assertThat(i.name()).contains("康复"));
        assertThat(p1.items()).hasSize(5);
        List<String> both = new ArrayList<>(p0.items().stream().map(Institution::code).toList());
        both.addAll(p1.items().stream().map(Institution::code).toList());
        assertThat(both).doesNotHaveDuplicates().isSorted();
        assertThat(institutions.search(kangfu, 0, 10).items()).isEqualTo(p0.items());
    }

    @Test
    void chineseSubstringSearchUsesTheGramIndex() {
        // two-character patterns, the usual Chinese search, are served by the index too
        assertThat(DesignatedInstitutions.grams("康复")).containsExactly("康复");
        assertThat(DesignatedInstitutions.grams("康复医")).containsExactly("康复", "复医");
        assertThat(DesignatedInstitutions.grams("院")).containsExactly("院");
        // the test table is small: forbid the sequential scan to see that the index can serve the query
        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN SELECT * FROM app.designated_institution WHERE search_tokens @> ARRAY['康复'] AND name LIKE '%康复%'")
                    .query(String.class).list().toString();
        });
        assertThat(plan).contains("designated_institution_search_tokens");
    }

    @Autowired
    PoolingAreas poolingAreas;

    @Test
    void poolingAreasAreSeededWithTheirFilingModes() {
        assertThat(poolingAreas.find("110105")).hasValueSatisfying(a -> {
            assertThat(a.filingMode()).isEqualTo(PoolingArea.FilingMode.QUICK);
            assertThat(a.name()).isEqualTo("北京市朝阳区");
        });
        assertThat(poolingAreas.find("350200")).hasValueSatisfying(a -> {
            assertThat(a.filingMode()).isEqualTo(PoolingArea.FilingMode.SELF_SERVICE);
            assertThat(a.modeSwitchedOn()).isNotNull();
        });
        assertThat(poolingAreas.list("350000")).extracting(PoolingArea::code).contains("350100", "350200").doesNotContain("350203");
    }

    @Test
    void everyEditIsAuditedAndBadOrConcurrentEditsChangeNothing() {
        PoolingArea before = poolingAreas.find("350500").orElseThrow();
        PoolingAreas.Changes changes = new PoolingAreas.Changes(before.crossProvinceOpen(), before.openedOn(),
                PoolingArea.FilingMode.QUICK, before.modeSwitchedOn(), before.agencyName(), "0595-12393",
                before.agencyAddress(), before.bankAccountName(), before.bankName(), before.bankAccountNo());

        PoolingArea after = poolingAreas.update("350500", before.version(), changes, "process-admin");

        assertThat(after.filingMode()).isEqualTo(PoolingArea.FilingMode.QUICK);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(poolingAreas.audit("350500")).extracting(PoolingAreas.AuditEntry::field, PoolingAreas.AuditEntry::oldValue,
                        PoolingAreas.AuditEntry::newValue, PoolingAreas.AuditEntry::changedBy)
                .containsExactlyInAnyOrder(
                        tuple("filing_mode", "SELF_SERVICE", "QUICK", "process-admin"),
                        tuple("agency_phone", before.agencyPhone(), "0595-12393", "process-admin"));

        // a stale version (someone saved in between) and a bad phone are refused; nothing changes
        PoolingAreas.Changes stale = new PoolingAreas.Changes(true, before.openedOn(), PoolingArea.FilingMode.SELF_SERVICE,
                before.modeSwitchedOn(), before.agencyName(), "0595-00000", "", "", "", "");
        assertThatThrownBy(() -> poolingAreas.update("350500", before.version(), stale, "other"))
                .hasMessageContaining("已被他人修改");
        PoolingAreas.Changes badPhone = new PoolingAreas.Changes(true, null, PoolingArea.FilingMode.QUICK, null,
                "x", "电话12393", "", "", "", "");
        assertThatThrownBy(() -> poolingAreas.update("350500", after.version(), badPhone, "process-admin"))
                .hasMessageContaining("联系电话").hasMessageContaining("phone");
        assertThat(poolingAreas.find("350500")).contains(after);
        assertThat(poolingAreas.audit("350500")).hasSize(2);
    }

    @Test
    void publicApiAnswersWithoutLogin() {
        ResponseEntity<Map> page = http.getForEntity("/api/public/institutions?division=110000&name=安贞&size=5", Map.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).containsKeys("items", "total", "totalCapped", "page", "size");
        ResponseEntity<List> provinces = http.getForEntity("/api/public/divisions", List.class);
        assertThat(provinces.getBody()).hasSize(32);
        ResponseEntity<String> areas = http.getForEntity("/api/public/pooling-areas?province=350000", String.class);
        assertThat(areas.getStatusCode()).isEqualTo(HttpStatus.OK);
        // opening info and agency contact are public, the bank account is not
        assertThat(areas.getBody()).contains("福建省厦门市").contains("agencyPhone").doesNotContain("bankAccountNo");
    }
}
