package cn.gov.ybj.crossprov.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The policy of one {@link PolicyKey} in force from {@code effectiveFrom} until the next version's
 * effective date ({@link PolicyCatalogue#inForce}): the deductible and the funds in the order they
 * pay. A settlement uses the version in force on its discharge date. Valid by construction
 * ({@link PolicyValidation}).
 */
public record PolicyVersion(PolicyKey key, LocalDate effectiveFrom, DeductibleRule deductible, List<FundRule> funds) {

    public PolicyVersion {
        PolicyValidation.requireValid(PolicyValidation.policy(key, effectiveFrom, deductible, funds));
        funds = List.copyOf(funds);
    }

    public Optional<FundRule> fund(String code) {
        return funds.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return key + " from " + effectiveFrom;
    }
}
