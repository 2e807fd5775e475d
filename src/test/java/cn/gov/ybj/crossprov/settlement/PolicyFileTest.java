package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.internal.PolicyFile;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.gov.ybj.crossprov.settlement.TestPolicies.allGrades;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.grades;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.table;
import static cn.gov.ybj.crossprov.settlement.TestPolicies.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo policy file (DEMO DATA) and the reader's refusals. */
class PolicyFileTest {

    private final PolicyCatalogue demo = PolicyFile.demo();

    @Test
    void theDemoFileHasThePoliciesOfTheDemoAreas() {
        assertThat(demo.keys()).extracting(PolicyKey::toString).containsExactlyInAnyOrder(
                "610403 城镇职工 在职",
                "110105 城镇职工 在职", "110105 城镇职工 灵活就业", "110105 城镇职工 退休",
                "110105 城乡居民 城乡居民", "110105 城乡居民 学生儿童",
                "350200 城镇职工 在职", "350200 城镇职工 灵活就业", "350200 城镇职工 退休",
                "350200 城乡居民 城乡居民", "350200 城乡居民 学生儿童");
        PolicyKey beijing = PolicyKey.of("110105", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE);
        assertThat(demo.versions(beijing)).extracting(PolicyVersion::effectiveFrom)
                .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        assertThat(demo.require(beijing, LocalDate.of(2026, 3, 1)).fund("POOLING").orElseThrow().annualCap())
                .isEqualTo(yuan("120000.00"));
    }

    @Test
    void everyPersonOfTheDemoRegistryInTheDemoAreasHasAPolicy() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/insured/demo-insurance-records.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("id_number")).toList();
            Set<PolicyKey> needed = lines.stream().map(l -> l.split(","))
                    .filter(c -> c[4].equals("110105") || c[4].equals("350200"))
                    .map(c -> PolicyKey.of(c[4], InsuranceType.valueOf(c[5]), PersonType.valueOf(c[6])))
                    .collect(Collectors.toSet());
            assertThat(needed).hasSize(10);
            for (PolicyKey key : needed) {
                assertThat(demo.inForce(key, LocalDate.of(2025, 6, 1))).as(key.toString()).isPresent();
            }
        }
    }

    @Test
    void theYanglingPolicyHasTheParametersThatReproduce002() {
        PolicyVersion p = demo.require(PolicyKey.of("610403", InsuranceType.EMPLOYEE, PersonType.IN_SERVICE), LocalDate.of(2017, 12, 1));
        assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(p.deductible()).isEqualTo(DeductibleRule.perAdmission(grades("300", "600", "1000")));
        assertThat(p.funds()).containsExactly(
                FundRule.of("POOLING", "统筹基金", FundBase.ABOVE_DEDUCTIBLE, BandScope.PER_SETTLEMENT,
                        TestPolicies.byGrade(table("0:80", "10000:85"), table("0:75", "10000:80"), table("0:70", "10000:75")),
                        yuan("80000")),
                FundRule.aboveCapOf("LARGE_AMOUNT", "大额医疗费用补助", "POOLING", BandScope.PER_SETTLEMENT,
                        TestPolicies.all("0:80"), yuan("200000")));
    }

    @Test
    void theDemoFileSaysItIsDemoData() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PolicyFile.DEMO_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("\"_demo\": \"DEMO DATA");
            assertThat(text.split("\"note\": \"DEMO DATA", -1)).hasSize(demo.all().size() + 1);
        }
    }

    @Test
    void percentsAndAmountsAreReadAsDecimals() {
        PolicyVersion retired = demo.require(PolicyKey.of("110105", InsuranceType.EMPLOYEE, PersonType.RETIRED), LocalDate.of(2025, 6, 1));
        assertThat(retired.fund("POOLING").orElseThrow().bands(HospitalGrade.GRADE_3).get(1).percent())
                .isEqualByComparingTo("93.5");
        assertThat(retired.deductible().subsequentAmounts()).isEqualTo(allGrades("650"));
    }

    @Test
    void aBadPolicyIsRefusedWithItsPosition() {
        String json = """
                {"policies": [{"insuredArea": "610403", "insuranceType": "EMPLOYEE", "personType": "IN_SERVICE",
                  "effectiveFrom": "2017-01-01", "deductible": {"mode": "PER_ADMISSION", "amounts": {"ALL": 1000}},
                  "funds": [{"code": "POOLING", "name": "统筹基金", "base": "ABOVE_DEDUCTIBLE", "scope": "PER_SETTLEMENT",
                             "annualCap": 80000, "bands": {"ALL": [{"from": 0, "percent": 120}]}}]}]}
                """;
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("t.json policies[0].funds[0].bands.ALL[0]：支付比例应在 0% 到 100% 之间：120% / "
                        + "t.json policies[0].funds[0].bands.ALL[0]: A ratio lies between 0 % and 100 %: 120 %");
    }

    @Test
    void aMissingFieldAnUnknownValueAndBrokenJsonAreRefused() {
        assertThatThrownBy(() -> read("{\"policies\": [{\"insuredArea\": \"610403\"}]}"))
                .hasMessage("t.json policies[0]：缺少 insuranceType / t.json policies[0]: Missing insuranceType");
        assertThatThrownBy(() -> read("""
                {"policies": [{"insuredArea": "610403", "insuranceType": "EMPLOYEE", "personType": "IN_SERVICE",
                  "effectiveFrom": "2017-01-01", "deductible": {"mode": "SOMETIMES", "amounts": {"ALL": 1000}}, "funds": []}]}
                """)).hasMessage("t.json policies[0]：deductible.mode 的值不正确：SOMETIMES / t.json policies[0]: Unknown value of deductible.mode: SOMETIMES");
        assertThatThrownBy(() -> read("{\"policies\": [")).isInstanceOf(BusinessRuleException.class)
                .hasMessageStartingWith("政策文件 t.json 不是有效的 JSON");
        assertThatThrownBy(() -> read("{}")).hasMessage("政策文件 t.json 缺少 policies 数组 / The policy file t.json has no policies array");
    }

    @Test
    void allStandsForTheGradesNotListed() {
        List<PolicyVersion> versions = read("""
                {"policies": [{"insuredArea": "610403", "insuranceType": "RESIDENT", "personType": "RESIDENT",
                  "effectiveFrom": "2025-01-01", "deductible": {"mode": "ONCE_PER_YEAR", "amounts": {"GRADE_3": 900, "ALL": "300.50"}},
                  "funds": [{"code": "POOLING", "name": "统筹基金", "base": "IN_SCOPE", "scope": "ANNUAL",
                             "annualCap": "1000.005", "bands": {"三级": [{"from": 0, "percent": 55}], "ALL": [{"from": 0, "percent": 72.125}]}}]}]}
                """);
        PolicyVersion v = versions.get(0);
        assertThat(v.deductible().amounts()).isEqualTo(Map.of(HospitalGrade.GRADE_3, yuan("900"), HospitalGrade.GRADE_2, yuan("300.50"),
                HospitalGrade.GRADE_1, yuan("300.50"), HospitalGrade.UNGRADED, yuan("300.50")));
        FundRule pooling = v.funds().get(0);
        assertThat(pooling.annualCap()).isEqualTo(Money.yuan("1000.01"));
        assertThat(pooling.bands(HospitalGrade.GRADE_3).get(0).percent()).isEqualByComparingTo("55");
        assertThat(pooling.bands(HospitalGrade.UNGRADED).get(0).percent()).isEqualByComparingTo("72.125");
    }

    private static List<PolicyVersion> read(String json) {
        return PolicyFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }
}
