/**
 * 结算: the hospital upload API ({@link cn.gov.ybj.crossprov.settlement.HospitalSettlements}: discharge
 * settlements, 冲正, 明细, stored by discharge month) and the insured area's treatment policy (起付标准, 分段支付比例, 最高支付限额, the funds and
 * their order) as immutable, validated, versioned records, and {@link cn.gov.ybj.crossprov.settlement.SettlementCalculator},
 * which splits one discharge settlement between the person and each fund;
 * {@link cn.gov.ybj.crossprov.settlement.SettlementPolicies}, the stored versions (JPA, audited,
 * cached in memory) and the process admins' screen 待遇政策维护. Uses the registry's {@code InsuranceType} and {@code PersonType}
 * (module {@code insured}) so that a policy is found by what the registry says about the person.
 * See docs/settlement.md.
 */
@ApplicationModule(displayName = "Settlement", allowedDependencies = {"documents", "filing", "identity", "insured", "reference", "shared", "ui"})
package cn.gov.ybj.crossprov.settlement;

import org.springframework.modulith.ApplicationModule;
