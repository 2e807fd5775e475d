package cn.gov.ybj.crossprov.filing.registry;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpNationalFilingRegistryTest {

    @Test
    void withoutRegistryUrlAndWithoutSimulatorTheApplicationDoesNotStart() {
        assertThatThrownBy(() -> new HttpNationalFilingRegistry(new MockEnvironment(), RestClient.builder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("未配置国家异地就医备案库").hasMessageContaining("NATIONAL_REGISTRY_URL");
        assertThatCode(() -> new HttpNationalFilingRegistry(new MockEnvironment()
                .withProperty("app.national-registry.url", "https://registry.example"), RestClient.builder())).doesNotThrowAnyException();
        assertThatCode(() -> new HttpNationalFilingRegistry(new MockEnvironment()
                .withProperty("app.national-registry.simulator", "true"), RestClient.builder())).doesNotThrowAnyException();
    }
}
