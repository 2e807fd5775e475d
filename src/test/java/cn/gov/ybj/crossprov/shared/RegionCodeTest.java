package cn.gov.ybj.crossprov.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

    @Test
    void tellsProvinceCityAndCounty() {
        RegionCode county = RegionCode.of("440305");
        assertThat(county.level()).isEqualTo(RegionCode.Level.COUNTY);
        assertThat(county.city()).isEqualTo(RegionCode.of("440300"));
        assertThat(county.province()).isEqualTo(RegionCode.of("440000"));
        assertThat(county.city().level()).isEqualTo(RegionCode.Level.CITY);
        assertThat(county.province().level()).isEqualTo(RegionCode.Level.PROVINCE);
        assertThat(county.province().city()).isEqualTo(county.province());
    }

    @Test
    void prefixesContainTheirAreas() {
        assertThat(RegionCode.of("110000").prefix()).isEqualTo("11");
        assertThat(RegionCode.of("350200").prefix()).isEqualTo("3502");
        assertThat(RegionCode.of("350203").prefix()).isEqualTo("350203");
        assertThat(RegionCode.of("350000").contains(RegionCode.of("350203"))).isTrue();
        assertThat(RegionCode.of("350200").contains(RegionCode.of("350100"))).isFalse();
        assertThat(RegionCode.of("350203").sameProvince(RegionCode.of("351000"))).isTrue();
        assertThat(RegionCode.of("350203").sameProvince(RegionCode.of("440300"))).isFalse();
    }

    @Test
    void provinceLevelOnlyAreasFileAtTheProvince() {
        assertThat(RegionCode.of("110105").provinceLevelOnly()).isTrue();   // 北京
        assertThat(RegionCode.of("460100").provinceLevelOnly()).isTrue();   // 海南
        assertThat(RegionCode.of("660000").provinceLevelOnly()).isTrue();   // 兵团
        assertThat(RegionCode.of("440300").provinceLevelOnly()).isFalse();
    }

    @Test
    void refusesWhatIsNotACode() {
        for (String bad : new String[]{"4403", "44030X", "000000", "", " 4403001"}) {
            assertThat(RegionCode.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> RegionCode.of(bad)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageContaining("行政区划代码");
        }
        assertThat(RegionCode.of(" 440300 ")).isEqualTo(RegionCode.of("440300"));
    }
}
