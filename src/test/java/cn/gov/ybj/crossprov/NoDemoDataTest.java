package cn.gov.ybj.crossprov;

import cn.gov.ybj.crossprov.reference.Agencies;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a production start writes (demo data off; the embedded database of the tests stands in
 * for the external one): the real GB/T 2260 divisions and the pooling areas they give, without
 * any invented agency, phone, bank account, date, district, institution, person, filing or
 * settlement policy.
 */
@SpringBootTest(properties = "app.demo-data.enabled=false")
@ActiveProfiles("test")
class NoDemoDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PoolingAreas poolingAreas;
    @Autowired
    Agencies agencies;

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void onlyTheRealDivisionsAndTheAreasTheyGiveAreWritten() {
        assertThat(count("app.division")).isGreaterThan(3000);
        List<PoolingArea> areas = poolingAreas.list(null);
        assertThat(areas).hasSizeGreaterThan(300).extracting(PoolingArea::code)
                .contains("110000", "350200").doesNotContain("110105", "110108");
        assertThat(areas).allSatisfy(a -> {
            assertThat(a.openedOn()).isNull();
            assertThat(a.modeSwitchedOn()).isNull();
            assertThat(List.of(a.agencyName(), a.agencyPhone(), a.agencyAddress(), a.bankAccountName(), a.bankName(),
                    a.bankAccountNo())).allSatisfy(value -> assertThat(value).isEmpty());
        });
        // no agency is known yet, so the public agency query shows none
        assertThat(agencies.count(new Agencies.Filter(null, null))).isZero();
        assertThat(jdbc.sql("SELECT name FROM app.reference_dataset").query(String.class).list()).containsExactly("divisions");
        for (String table : List.of("app.designated_institution", "app.insurance_record", "app.chronic_qualification",
                "app.family_member", "app.account_binding", "app.insurance_account", "app.filing",
                "app.settlement_policy_version", "app.settlement_policy_audit")) {
            assertThat(count(table)).as(table).isZero();
        }
    }
}
