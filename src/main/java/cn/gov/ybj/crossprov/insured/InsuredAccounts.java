package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Links a login account of the insured realm to the registry entry of the ID number it was
 * registered with, on first use; the link then decides whose data the account sees. One
 * account per ID number: a second account claiming an already linked number is not linked.
 */
@Service
public class InsuredAccounts {

    private static final Logger log = LoggerFactory.getLogger(InsuredAccounts.class);

    private final JdbcClient jdbc;
    private final InsuranceRegistry registry;

    InsuredAccounts(JdbcClient jdbc, InsuranceRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * The registry entry of an insured-realm account, linking the account on the first call.
     * Empty for other realms, when the account's ID number is not in the registry, or when
     * it is already linked to another account (then the UI shows the not-in-registry message).
     */
    @Transactional
    public Optional<InsuranceRecord> linkedRecord(AppUser user) {
        if (user == null || user.realm() != Realm.INSURED) {
            return Optional.empty();
        }
        Optional<String> linked = linkedIdNumber(user);
        if (linked.isPresent()) {
            if (user.idNumber() != null && !linked.get().equalsIgnoreCase(user.idNumber().trim())) {
                log.warn("Account {} is linked to {} but its token carries {}; not showing the record",
                        user.username(), IdNumber.mask(linked.get()), IdNumber.mask(user.idNumber()));
                return Optional.empty();
            }
            return registry.find(linked.get());
        }
        if (!IdNumber.isValid(user.idNumber())) {
            return Optional.empty();
        }
        Optional<InsuranceRecord> record = registry.find(user.idNumber());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        int inserted = jdbc.sql("""
                INSERT INTO app.account_link (realm, username, id_number) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                """).params(user.realm().id(), user.username(), record.get().idNumber()).update();
        if (inserted == 0) {
            // a concurrent first call of the same account, or another account holds the number
            if (linkedIdNumber(user).filter(record.get().idNumber()::equals).isPresent()) {
                return record;
            }
            log.warn("ID number {} is already linked to another account; {} not linked",
                    record.get().maskedIdNumber(), user.username());
            return Optional.empty();
        }
        log.info("Linked account {} to registry entry {}", user.username(), record.get().maskedIdNumber());
        return record;
    }

    /** True for the account's own (linked) ID number and for its family members. */
    @Transactional
    public boolean mayActFor(AppUser user, String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return false;
        }
        String id = idNumber.trim().toUpperCase();
        return linkedRecord(user).map(own -> own.idNumber().equals(id) || jdbc.sql("""
                SELECT count(*) FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ?
                """).params(own.idNumber(), id).query(Long.class).single() > 0).orElse(false);
    }

    private Optional<String> linkedIdNumber(AppUser user) {
        return jdbc.sql("SELECT id_number FROM app.account_link WHERE realm = ? AND username = ?")
                .params(user.realm().id(), user.username()).query(String.class).optional();
    }
}
