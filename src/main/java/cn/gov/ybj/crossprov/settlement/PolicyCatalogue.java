package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Policy versions by key and effective date, in memory: a version is in force from its effective
 * date until the day before the next version of the same key. What the database will hold later
 * (with the audit trail); for now the demo file and the tests.
 */
public final class PolicyCatalogue {

    private final Map<PolicyKey, NavigableMap<LocalDate, PolicyVersion>> byKey = new LinkedHashMap<>();

    private PolicyCatalogue(List<PolicyVersion> versions) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (PolicyVersion v : versions) {
            PolicyVersion before = byKey.computeIfAbsent(v.key(), k -> new TreeMap<>()).putIfAbsent(v.effectiveFrom(), v);
            if (before != null) {
                problems.add(new PolicyProblem(v.key() + " 自 " + v.effectiveFrom() + " 起生效的版本重复",
                        v.key() + ": two versions take effect on " + v.effectiveFrom()));
            }
        }
        PolicyValidation.requireValid(problems);
    }

    public static PolicyCatalogue of(List<PolicyVersion> versions) {
        return new PolicyCatalogue(versions);
    }

    /** The version in force on {@code date}: the latest whose effective date is on or before it. */
    public Optional<PolicyVersion> inForce(PolicyKey key, LocalDate date) {
        NavigableMap<LocalDate, PolicyVersion> versions = byKey.get(key);
        return Optional.ofNullable(versions == null ? null : versions.floorEntry(date)).map(Map.Entry::getValue);
    }

    /** {@link #inForce}, refused with a bilingual message when there is none. */
    public PolicyVersion require(PolicyKey key, LocalDate date) {
        return inForce(key, date).orElseThrow(() -> new BusinessRuleException(
                key + " 在 " + date + " 没有生效的待遇政策", "No policy of " + key + " is in force on " + date));
    }

    public Set<PolicyKey> keys() {
        return byKey.keySet();
    }

    /** The versions of one key, oldest first. */
    public List<PolicyVersion> versions(PolicyKey key) {
        NavigableMap<LocalDate, PolicyVersion> versions = byKey.get(key);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** Every version, by insured area, insurance type, person type and effective date. */
    public List<PolicyVersion> all() {
        return byKey.values().stream().flatMap(m -> m.values().stream())
                .sorted(Comparator.comparing((PolicyVersion v) -> v.key().insuredArea())
                        .thenComparing(v -> v.key().insuranceType()).thenComparing(v -> v.key().personType())
                        .thenComparing(PolicyVersion::effectiveFrom))
                .toList();
    }
}
