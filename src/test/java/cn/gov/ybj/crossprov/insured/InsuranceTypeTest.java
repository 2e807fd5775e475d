package cn.gov.ybj.crossprov.insured;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 附件1 (登记备案表) lists four 险种; the two pre-2016 resident schemes go by the 城乡居民 policy. */
class InsuranceTypeTest {

    @Test
    void theFourTypesOfAttachment1() {
        assertThat(InsuranceType.values()).extracting(InsuranceType::label)
                .containsExactlyInAnyOrder("城镇职工", "城镇居民", "新农合", "城乡居民");
        assertThat(InsuranceType.NCMS.labelEn()).isEqualTo("new rural cooperative medical scheme");
        assertThat(InsuranceType.URBAN_RESIDENT.labelEn()).isEqualTo("urban resident insurance");
        assertThat(InsuranceType.NCMS.label(true)).isEqualTo(InsuranceType.NCMS.labelEn());
    }

    @Test
    void parsedByCodeChineseOrEnglishLabel() {
        assertThat(InsuranceType.parse("NCMS")).contains(InsuranceType.NCMS);
        assertThat(InsuranceType.parse("新农合")).contains(InsuranceType.NCMS);
        assertThat(InsuranceType.parse("urban_resident")).contains(InsuranceType.URBAN_RESIDENT);
        assertThat(InsuranceType.parse(" 城镇居民 ")).contains(InsuranceType.URBAN_RESIDENT);
        assertThat(InsuranceType.parse("New rural cooperative medical scheme")).contains(InsuranceType.NCMS);
        assertThat(InsuranceType.parse("职工")).isEmpty();
    }

    @Test
    void policiesGoByTheMergedType() {
        assertThat(InsuranceType.EMPLOYEE.policyType()).isEqualTo(InsuranceType.EMPLOYEE);
        assertThat(InsuranceType.RESIDENT.policyType()).isEqualTo(InsuranceType.RESIDENT);
        assertThat(InsuranceType.URBAN_RESIDENT.policyType()).isEqualTo(InsuranceType.RESIDENT);
        assertThat(InsuranceType.NCMS.policyType()).isEqualTo(InsuranceType.RESIDENT);
    }
}
