package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The types' materials in the seed's words (002 二(二) 「备案登记所需资料」), and the API's reading of a type. */
class FilingTypeTest {

    @Test
    void eachTypeAsksForItsMaterialInTheSeedsWords() {
        assertThat(FilingType.RETIRED_RESETTLED.material()).isEqualTo("居住证、暂住证或户籍迁移证明");
        assertThat(FilingType.LONG_TERM_RESIDENT.material()).isEqualTo("居住证、暂住证或房产证");
        assertThat(FilingType.STATIONED_WORKER.material()).isEqualTo("单位出具的异地工作证明（包含异地工作地点、原因、时间等）");
        assertThat(FilingType.REFERRAL.material()).isEqualTo("三级医院出具的《双向转诊上转单》");
        assertThat(FilingType.OTHER_TEMPORARY.material()).isNull();
    }

    @Test
    void anEmergencyIsNoTypeToFileButCountsAsFiled() {
        assertThat(FilingType.of("REFERRAL")).isEqualTo(FilingType.REFERRAL);
        assertThatThrownBy(() -> FilingType.of("EMERGENCY")).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("异地急诊抢救人员视同已备案").hasMessageContaining("counts as filed");
        assertThatThrownBy(() -> FilingType.of("VISITOR")).isInstanceOf(IllegalArgumentException.class);
    }
}
