package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whose data an account of the insured realm may see: the registry person it is bound to by a
 * proof ({@link RealNameBinding}) and the family members linked to that person with consent
 * ({@link FamilyMembers}). Nothing in a token (a typed ID number) counts.
 */
@Service
public class InsuredAccounts {

    private final JdbcClient jdbc;
    private final InsuranceRegistry registry;

    InsuredAccounts(JdbcClient jdbc, InsuranceRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** The registry person the account is bound to; empty for other realms and for unbound accounts. */
    public Optional<InsuranceRecord> boundRecord(AppUser user) {
        return insuredAccount(user).flatMap(registry::findBoundTo);
    }

    public Optional<String> boundIdNumber(AppUser user) {
        return insuredAccount(user).flatMap(account -> jdbc.sql("SELECT id_number FROM app.account_binding WHERE account = ?")
                .param(account).query(String.class).optional());
    }

    /** Only accounts of the insured realm are bound to a person. */
    private static Optional<String> insuredAccount(AppUser user) {
        return user != null && user.realm() == Realm.INSURED ? Optional.of(user.account()) : Optional.empty();
    }

    /** True for the bound person and the family members whose link is active (consented or on record). */
    public boolean mayActFor(AppUser user, String idNumber) {
        String id = IdNumber.canonical(idNumber);
        if (id == null || id.isEmpty()) {
            return false;
        }
        return boundIdNumber(user).map(own -> own.equals(id) || isActiveMember(own, id)).orElse(false);
    }

    /** Whether the owner's link to the member is active (consented, on record or from the counter). */
    public boolean isActiveMember(String ownerIdNumber, String memberIdNumber) {
        return jdbc.sql("""
                SELECT count(*) FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ? AND status = 'ACTIVE'
                """).params(ownerIdNumber, IdNumber.canonical(memberIdNumber)).query(Long.class).single() > 0;
    }

    /** The bound person first, then the active family members; empty when the account is not bound. */
    public List<String> personsOf(AppUser user) {
        List<String> persons = new ArrayList<>();
        boundIdNumber(user).ifPresent(own -> {
            persons.add(own);
            persons.addAll(jdbc.sql("""
                    SELECT member_id_number FROM app.family_member WHERE owner_id_number = ? AND status = 'ACTIVE'
                    ORDER BY created_at, member_id_number
                    """).param(own).query(String.class).list());
        });
        return persons;
    }
}
