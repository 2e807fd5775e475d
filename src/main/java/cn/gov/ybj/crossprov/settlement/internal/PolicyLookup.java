package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.PolicyVersion;

import java.time.LocalDate;

/**
 * Where the hospital upload gets the policy in force: {@code SettlementPolicies.require}, the
 * stored versions ({@link SettlementConfiguration}); a seam for unit tests.
 */
@FunctionalInterface
public interface PolicyLookup {

    /** @throws cn.gov.ybj.crossprov.shared.BusinessRuleException when no version of the key is in force on the date */
    PolicyVersion require(PolicyKey key, LocalDate date);
}
