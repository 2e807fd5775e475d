package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.identity.AppUser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The stored policy versions (table {@code app.settlement_policy_version}) and their audit trail
 * ({@code app.settlement_policy_audit}).
 *
 * <p><b>Lookups are served from memory.</b> {@link #inForce}, {@link #require}, {@link #versions}
 * and {@link #keys} read an immutable {@link PolicyCatalogue} snapshot of all versions and run no
 * SQL per call (the hospital upload API calls them for every settlement). The snapshot is
 * replaced after every committed {@link #save} on this node, and reloaded within
 * {@code app.settlement.policy-refresh} (default one minute) when another node changed the table.
 *
 * <p><b>Versioning.</b> A version is in force from its effective date until the day before the
 * next version of the same key; a settlement uses the version in force on its discharge date.
 * A version whose effective date is today or earlier is never changed, and no new version is
 * added on or before today for a key that already has versions: settlements already made keep
 * their basis. Changes go into a new version with a later effective date, or into a version that
 * has not taken effect yet.
 */
public interface SettlementPolicies {

    /** The version of {@code key} in force on {@code date} (the latest with {@code effectiveFrom ≤ date}). */
    Optional<PolicyVersion> inForce(PolicyKey key, LocalDate date);

    /** {@link #inForce}, refused with a bilingual {@code BusinessRuleException} when there is none. */
    PolicyVersion require(PolicyKey key, LocalDate date);

    /** The versions of one key, oldest first. */
    List<PolicyVersion> versions(PolicyKey key);

    /** Every key with at least one version, by area, insurance type and person type. */
    List<PolicyKey> keys();

    /**
     * The versions of one key with their storage data (revision for the optimistic lock, who
     * created and last changed them), oldest first. Read from the database, for the admin screen.
     */
    List<StoredVersion> stored(PolicyKey key);

    /**
     * Saves {@code version} for a process admin: a new version of its key from its effective date,
     * or the new content of the not yet effective version with that date, whatever revision of it
     * is stored (see {@link #save(AppUser, PolicyVersion, Long)} to refuse a save over someone
     * else's). Writes an audit row with the old and the new policy; a save that changes nothing
     * writes nothing.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException (bilingual) when the user is not a
     *                         process admin, the version is or was in force, a new version's date
     *                         is not after today while the key has versions; nothing is written
     */
    PolicyVersion save(AppUser admin, PolicyVersion version);

    /**
     * {@link #save(AppUser, PolicyVersion)} for what an admin opened (optimistic lock): refused
     * with a bilingual message, nothing written, when someone else saved in between.
     *
     * @param expectedRevision the {@link StoredVersion#revision()} of the version (same key and
     *                         effective date) the admin opened and edited; {@code null} when the
     *                         admin creates a new version, refused if one from that date exists by now
     */
    PolicyVersion save(AppUser admin, PolicyVersion version, Long expectedRevision);

    /** The changes of one key, newest first. */
    List<AuditEntry> audit(PolicyKey key);

    /**
     * A stored version.
     *
     * @param revision the optimistic-lock version of the row, 0 when created
     */
    record StoredVersion(PolicyVersion policy, long revision, String createdBy, Instant createdAt,
                         String changedBy, Instant changedAt) {
    }

    /** What one save did. */
    enum AuditAction {
        /** a new version from a date */
        NEW_VERSION("新增版本", "new version"),
        /** the content of a not yet effective version changed */
        CHANGE("修改未生效版本", "change of a future version"),
        /** written by the demo loader (demo data only) */
        DEMO_LOAD("载入演示政策", "demo policy loaded");

        private final String label;
        private final String labelEn;

        AuditAction(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    /**
     * One audited save: who, when, which version (key and effective date), what kind of change,
     * and the policy as JSON (the format of the policy file, docs/settlement.md) before and after.
     *
     * @param oldPolicy for a {@link AuditAction#CHANGE} the version's previous content; for a new
     *                  version the version that was to be in force from that date before (none: null)
     */
    record AuditEntry(Instant changedAt, String changedBy, PolicyKey key, LocalDate effectiveFrom, AuditAction action,
                      String oldPolicy, String newPolicy) {
    }
}
