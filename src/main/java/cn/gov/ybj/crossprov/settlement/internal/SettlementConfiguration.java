package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.settlement.SettlementCalculator;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the hospital upload: the calculator and the policy lookup. */
@Configuration
class SettlementConfiguration {

    @Bean
    SettlementCalculator settlementCalculator() {
        return new SettlementCalculator();
    }

    /** The stored policy versions (in-memory snapshot, no SQL per call). */
    @Bean
    PolicyLookup policyLookup(SettlementPolicies policies) {
        return policies::require;
    }
}
