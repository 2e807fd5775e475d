/**
 * 结算: the insured area's treatment policy (起付标准, 分段支付比例, 最高支付限额, the funds and
 * their order) as immutable, validated, versioned records, and {@link cn.gov.ybj.crossprov.settlement.SettlementCalculator},
 * which splits one discharge settlement between the person and each fund. Plain Java: no
 * database, no Spring beans yet. Uses the registry's {@code InsuranceType} and {@code PersonType}
 * (module {@code insured}) so that a policy is found by what the registry says about the person.
 * See docs/settlement.md.
 */
@ApplicationModule(displayName = "Settlement", allowedDependencies = {"insured", "shared"})
package cn.gov.ybj.crossprov.settlement;

import org.springframework.modulith.ApplicationModule;
