package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.insured.ChronicQualification;
import cn.gov.ybj.crossprov.insured.ChronicQualifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo 门诊慢特病资格: loaded with the demo registry, idempotent, only for persons in the registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoChronicQualificationLoaderTest {

    static final String CHENJING = "350203196209151238";
    static final String ZHANGWEI = "110105195803120029";
    static final String LI_JIANHUA = "110105195607080031"; // in the registry, no demo qualification
    static final String STRANGER = "11010519491231002X"; // valid ID number, not in the demo registry

    @Autowired
    DemoChronicQualificationLoader loader;
    @Autowired
    ChronicQualifications qualifications;
    @Autowired
    JdbcClient jdbc;

    private List<String> rows() {
        return jdbc.sql("""
                SELECT person_id_number || ':' || disease_code || ':' || disease_name || ':' || insured_area_code || ':'
                    || approved_on || ':' || coalesce(valid_until::text, '-')
                FROM app.chronic_qualification ORDER BY 1""").query(String.class).list();
    }

    @Test
    void demoQualificationsAreLoadedOnceAndLoadingAgainChangesNothing() throws Exception {
        assertThat(qualifications.of(CHENJING)).extracting(ChronicQualification::diseaseCode, ChronicQualification::diseaseName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M01600", "糖尿病"), org.assertj.core.groups.Tuple.tuple("M03900", "高血压"));
        assertThat(qualifications.of(ZHANGWEI)).filteredOn(q -> q.diseaseCode().equals("M04300")).singleElement().satisfies(q -> {
            assertThat(q.diseaseName()).isEqualTo("原发性免疫性血小板减少症");
            assertThat(q.insuredAreaCode()).isEqualTo("110105");
        });
        List<String> before = rows();
        byte[] csv;
        try (InputStream in = new ClassPathResource(DemoChronicQualificationLoader.FILE).getInputStream()) {
            csv = in.readAllBytes();
        }
        assertThat(loader.load(csv)).isEqualTo(3);
        loader.run(null);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void personsMissingFromTheRegistryAreSkippedAndBadFilesRefused() {
        String csv = DemoChronicQualificationLoader.HEADER + "\n" + STRANGER + ",M03900,高血压,110105,2024-01-01,\n";
        assertThat(loader.load(csv.getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(qualifications.of(STRANGER)).isEmpty();
        assertThatThrownBy(() -> loader.load((DemoChronicQualificationLoader.HEADER + "\n" + CHENJING + ",高血压,M03900,350200,2024-01-01,\n")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
    }

    @Test
    void onlyQualificationsValidTodayCount() {
        jdbc.sql("""
                INSERT INTO app.chronic_qualification (person_id_number, disease_code, disease_name, insured_area_code,
                    approved_on, valid_until)
                VALUES (:p, 'M00500', '慢性心力衰竭', '110105', DATE '2015-01-01', DATE '2019-12-31') ON CONFLICT DO NOTHING""")
                .param("p", LI_JIANHUA).update();
        assertThat(qualifications.of(LI_JIANHUA)).extracting(ChronicQualification::diseaseCode).containsExactly("M00500");
        assertThat(qualifications.validToday(LI_JIANHUA)).isEmpty();
        assertThat(qualifications.validToday(LI_JIANHUA, "M00500")).isEmpty();
        assertThat(qualifications.validToday(ZHANGWEI, "M04300")).isPresent();
    }
}
