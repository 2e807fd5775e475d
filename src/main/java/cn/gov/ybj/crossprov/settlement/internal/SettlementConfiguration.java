package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.settlement.PolicyCatalogue;
import cn.gov.ybj.crossprov.settlement.SettlementCalculator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the hospital upload: the calculator and the policy lookup. */
@Configuration
class SettlementConfiguration {

    @Bean
    SettlementCalculator settlementCalculator() {
        return new SettlementCalculator();
    }

    /** The policies in force: the demo catalogue until the stored versions ({@code SettlementPolicies}) are merged. */
    @Bean
    PolicyLookup policyLookup() {
        PolicyCatalogue catalogue = PolicyFile.demo();
        return catalogue::require;
    }
}
