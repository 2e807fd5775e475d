package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.PolicyCatalogue;
import cn.gov.ybj.crossprov.settlement.PolicyKey;
import cn.gov.ybj.crossprov.settlement.PolicyVersion;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SettlementPolicies} on {@code app.settlement_policy_version} (JPA) with an in-memory
 * snapshot for the lookups: an immutable {@link PolicyCatalogue} of every version, built from the
 * table on first use and again after every committed save (a generation counter invalidates it;
 * readers only compare two numbers), and after a change by another node, which
 * {@link #checkForChanges} notices by a one-row query every {@code app.settlement.policy-refresh}.
 * A stored row that fails the model's validation stops the load with its id: better no lookup
 * than a wrong basis for a settlement.
 */
@Service
class JpaSettlementPolicies implements SettlementPolicies {

    private static final Logger log = LoggerFactory.getLogger(JpaSettlementPolicies.class);
    private static final Comparator<PolicyKey> KEY_ORDER = Comparator.comparing(PolicyKey::insuredArea)
            .thenComparing(PolicyKey::insuranceType).thenComparing(PolicyKey::personType);

    private final PolicyVersionRecords records;
    private final PolicyAuditRecords auditRecords;
    private final TransactionTemplate tx;
    /** loads the snapshot in a transaction of its own: a lookup inside a caller's transaction never touches it */
    private final TransactionTemplate readTx;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    private record Snapshot(long generation, long fingerprint, PolicyCatalogue catalogue, List<PolicyKey> keys) {
    }

    JpaSettlementPolicies(PolicyVersionRecords records, PolicyAuditRecords auditRecords, PlatformTransactionManager txManager) {
        this.records = records;
        this.auditRecords = auditRecords;
        this.tx = new TransactionTemplate(txManager);
        this.readTx = new TransactionTemplate(txManager);
        readTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readTx.setReadOnly(true);
    }

    // ---- lookups: memory only ----

    @Override
    public Optional<PolicyVersion> inForce(PolicyKey key, LocalDate date) {
        return current().catalogue().inForce(key, date);
    }

    @Override
    public PolicyVersion require(PolicyKey key, LocalDate date) {
        return current().catalogue().require(key, date);
    }

    @Override
    public List<PolicyVersion> versions(PolicyKey key) {
        return current().catalogue().versions(key);
    }

    @Override
    public List<PolicyKey> keys() {
        return current().keys();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == generation.get()) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            long g = generation.get();
            if (s != null && s.generation() == g) {
                return s;
            }
            s = load(g);
            snapshot = s;
            return s;
        }
    }

    private Snapshot load(long g) {
        Snapshot s = readTx.execute(status -> {
            long fingerprint = records.fingerprint();
            List<PolicyVersion> all = records.findAll().stream().map(PolicyVersionRecord::policy).toList();
            PolicyCatalogue catalogue = PolicyCatalogue.of(all);
            return new Snapshot(g, fingerprint, catalogue, catalogue.keys().stream().sorted(KEY_ORDER).toList());
        });
        log.debug("Settlement policies loaded: {} keys", s.keys().size());
        return s;
    }

    /** Drops the snapshot once the current transaction (if any) has committed; the next lookup reloads. */
    void invalidate() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    /** Another node saved: reload with the next lookup. One cheap query; nothing when nothing was loaded yet. */
    @Scheduled(initialDelayString = "${app.settlement.policy-refresh:PT1M}", fixedDelayString = "${app.settlement.policy-refresh:PT1M}")
    void checkForChanges() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == generation.get() && records.fingerprint() != s.fingerprint()) {
            log.info("Settlement policies changed on another node: reloading");
            generation.incrementAndGet();
        }
    }

    // ---- storage and editing: database ----

    @Override
    public List<StoredVersion> stored(PolicyKey key) {
        return tx.execute(status -> find(key).stream().map(r -> new StoredVersion(r.policy(), r.revision(), r.createdBy(),
                r.createdAt(), r.changedBy(), r.changedAt())).toList());
    }

    @Override
    public PolicyVersion save(AppUser admin, PolicyVersion version) {
        return save(admin, version, false, null);
    }

    @Override
    public PolicyVersion save(AppUser admin, PolicyVersion version, Long expectedRevision) {
        return save(admin, version, true, expectedRevision);
    }

    private PolicyVersion save(AppUser admin, PolicyVersion version, boolean check, Long expectedRevision) {
        if (admin == null || admin.realm() != Realm.CLERKS || !admin.hasRole(Roles.PROCESS_ADMIN)) {
            throw new BusinessRuleException("只有流程管理员可以维护待遇政策", "Only process admins may edit settlement policies");
        }
        if (version == null) {
            throw new BusinessRuleException("缺少待遇政策", "The policy is missing");
        }
        try {
            PolicyVersion saved = tx.execute(status -> write(admin.account(), version, check, expectedRevision, ChinaTime.today()));
            generation.incrementAndGet(); // committed: the next lookup sees it
            return saved;
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            generation.incrementAndGet();
            throw concurrentEdit(version);
        }
    }

    private PolicyVersion write(String account, PolicyVersion version, boolean check, Long expectedRevision, LocalDate today) {
        PolicyKey key = version.key();
        LocalDate from = version.effectiveFrom();
        List<PolicyVersionRecord> existing = find(key);
        Optional<PolicyVersionRecord> same = existing.stream().filter(r -> r.effectiveFrom().equals(from)).findFirst();
        Instant now = Instant.now();
        if (same.isPresent()) {
            PolicyVersionRecord record = same.get();
            if (check && (expectedRevision == null || expectedRevision != record.revision())) {
                throw concurrentEdit(version);
            }
            if (!from.isAfter(today)) {
                throw new BusinessRuleException(
                        key + " 自 " + from + " 起生效的版本已经生效，不能修改：已办理的结算保持其依据。请新建一个生效日期晚于今天（"
                                + today + "）的版本。",
                        "The version of " + key + " from " + from + " is or was in force and cannot be changed: settlements "
                                + "already made keep their basis. Create a new version effective after today (" + today + ").");
            }
            PolicyVersion old = record.policy();
            if (old.equals(version)) {
                return old;
            }
            record.content(version, account, now);
            records.saveAndFlush(record);
            audit(account, now, version, AuditAction.CHANGE, old);
            return version;
        }
        if (check && expectedRevision != null) {
            throw concurrentEdit(version);
        }
        if (!existing.isEmpty() && !from.isAfter(today)) {
            throw new BusinessRuleException(
                    key + " 的新版本须晚于今天（" + today + "）生效，而不是 " + from + "：今天及以前的结算已按当时生效的版本办理，其依据不能改变。",
                    "A new version of " + key + " must take effect after today (" + today + "), not on " + from
                            + ": settlements up to today were made with the version then in force and keep their basis.");
        }
        PolicyVersion before = existing.stream().filter(r -> r.effectiveFrom().isBefore(from))
                .reduce((a, b) -> b).map(PolicyVersionRecord::policy).orElse(null);
        records.saveAndFlush(new PolicyVersionRecord(version, account, now));
        audit(account, now, version, AuditAction.NEW_VERSION, before);
        return version;
    }

    /**
     * Demo loader: writes the version as it is (also in the past), audited as {@link AuditAction#DEMO_LOAD};
     * unchanged versions and versions someone else has saved since are left alone. In the caller's
     * transaction. DEMO DATA only.
     *
     * @return whether anything was written
     */
    boolean writeDemo(String account, PolicyVersion version) {
        Instant now = Instant.now();
        Optional<PolicyVersionRecord> same = records.findByInsuredAreaAndInsuranceTypeAndPersonTypeAndEffectiveFrom(
                version.key().insuredArea().toString(), version.key().insuranceType(), version.key().personType(),
                version.effectiveFrom());
        if (same.isPresent() && !same.get().changedBy().equals(account)) {
            log.info("DEMO policy {} left as {} saved it", version, same.get().changedBy());
            return false;
        }
        PolicyVersion old = same.map(PolicyVersionRecord::policy).orElse(null);
        if (version.equals(old)) {
            return false;
        }
        if (same.isPresent()) {
            same.get().content(version, account, now);
            records.save(same.get());
        } else {
            records.save(new PolicyVersionRecord(version, account, now));
        }
        audit(account, now, version, AuditAction.DEMO_LOAD, old);
        invalidate();
        return true;
    }

    private void audit(String account, Instant now, PolicyVersion version, AuditAction action, PolicyVersion old) {
        auditRecords.save(new PolicyAuditRecord(account, now, version.key(), version.effectiveFrom(), action,
                old == null ? null : PolicyFile.write(PolicyFile.toJson(old)), PolicyFile.write(PolicyFile.toJson(version))));
    }

    private static BusinessRuleException concurrentEdit(PolicyVersion version) {
        return new BusinessRuleException(
                version.key() + " 自 " + version.effectiveFrom() + " 起生效的版本已被他人修改或新建，本次未保存，请刷新后重试",
                "Someone else changed or created the version of " + version.key() + " from " + version.effectiveFrom()
                        + "; nothing was saved: reload and try again");
    }

    @Override
    public List<AuditEntry> audit(PolicyKey key) {
        return tx.execute(status -> auditRecords.findByInsuredAreaAndInsuranceTypeAndPersonTypeOrderByChangedAtDescIdDesc(
                key.insuredArea().toString(), key.insuranceType(), key.personType()).stream().map(PolicyAuditRecord::entry).toList());
    }

    private List<PolicyVersionRecord> find(PolicyKey key) {
        return records.findByInsuredAreaAndInsuranceTypeAndPersonTypeOrderByEffectiveFrom(
                key.insuredArea().toString(), key.insuranceType(), key.personType());
    }
}
