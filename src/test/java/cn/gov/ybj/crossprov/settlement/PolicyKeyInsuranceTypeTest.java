package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policies exist per merged 险种: 城镇居民 and 新农合 have none of their own. */
class PolicyKeyInsuranceTypeTest {

    @Test
    void aPolicyIsForEmployeesOrResidents() {
        assertThat(PolicyKey.of("110105", InsuranceType.RESIDENT, PersonType.RESIDENT).insuranceType()).isEqualTo(InsuranceType.RESIDENT);
        for (InsuranceType premerger : new InsuranceType[]{InsuranceType.NCMS, InsuranceType.URBAN_RESIDENT}) {
            assertThatThrownBy(() -> PolicyKey.of("110105", premerger, PersonType.RESIDENT))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("城乡居民");
        }
    }
}
