package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 家庭成员: whom an insured person may file for. Knowing a name and an ID number is not enough:
 * a link is active only when the member confirms it from their own bound account, when the
 * insured registry records the relation (家庭共济关系), or when a counter clerk records it.
 * Attempts are limited per day; the member sees who is linked to them and can remove the link.
 */
@Service
public class FamilyMembers {

    static final int MAX_MEMBERS = 20;
    /** refused attempts (wrong name, unknown person …) per owner and day: against guessing */
    static final int MAX_REFUSED_ATTEMPTS_PER_DAY = 5;
    static final int MAX_ATTEMPTS_PER_DAY = 20;
    private static final String SELECT = """
            SELECT f.ref, f.owner_id_number, o.name AS owner_name, f.member_id_number, f.member_name, f.relationship,
                   f.created_at, f.status, f.basis
            FROM app.family_member f JOIN app.insurance_record o ON o.id_number = f.owner_id_number
            """;
    private static final RowMapper<FamilyMember> MEMBER = (rs, i) -> new FamilyMember(rs.getObject(1, UUID.class),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), Relationship.valueOf(rs.getString(6)),
            rs.getTimestamp(7).toInstant(), FamilyMember.Status.valueOf(rs.getString(8)),
            rs.getString(9) == null ? null : FamilyMember.Basis.valueOf(rs.getString(9))); // none until active

    private final JdbcClient jdbc;
    private final InsuranceRegistry registry;

    FamilyMembers(JdbcClient jdbc, InsuranceRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** The owner's links, active and pending. */
    public List<FamilyMember> list(String ownerIdNumber) {
        if (ownerIdNumber == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE f.owner_id_number = ? ORDER BY f.created_at, f.member_id_number")
                .param(IdNumber.canonical(ownerIdNumber)).query(MEMBER).list();
    }

    /** Those the owner may file for now. */
    public List<FamilyMember> active(String ownerIdNumber) {
        return list(ownerIdNumber).stream().filter(FamilyMember::active).toList();
    }

    /** Who has linked (or asks to link) the person as their family member. */
    public List<FamilyMember> linkedTo(String memberIdNumber) {
        if (memberIdNumber == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE f.member_id_number = ? ORDER BY f.created_at, f.owner_id_number")
                .param(IdNumber.canonical(memberIdNumber)).query(MEMBER).list();
    }

    /** A link of the owner's list by its opaque handle. */
    public Optional<FamilyMember> find(String ownerIdNumber, UUID ref) {
        if (ownerIdNumber == null || ref == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE f.owner_id_number = ? AND f.ref = ?")
                .params(IdNumber.canonical(ownerIdNumber), ref).query(MEMBER).optional();
    }

    /**
     * Asks to link a member: active at once when the registry records the relation, otherwise
     * pending until the member confirms. Every attempt counts towards the daily limits.
     *
     * @throws BusinessRuleException (bilingual) when a rule refuses the member; only the attempt is written then
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public FamilyMember add(String ownerIdNumber, String name, String idNumber, Relationship relationship) {
        InsuranceRecord owner = registry.find(ownerIdNumber).orElseThrow(() ->
                new BusinessRuleException(InsuranceRegistry.NOT_FOUND_ZH, InsuranceRegistry.NOT_FOUND_EN));
        // serialises one owner's attempts, so that parallel requests cannot pass the limits together
        jdbc.sql("SELECT id_number FROM app.insurance_record WHERE id_number = ? FOR UPDATE").param(owner.idNumber())
                .query(String.class).single();
        long refused = attempts(owner.idNumber(), false);
        long all = refused + attempts(owner.idNumber(), true);
        if (refused >= MAX_REFUSED_ATTEMPTS_PER_DAY || all >= MAX_ATTEMPTS_PER_DAY) {
            throw new BusinessRuleException("添加家庭成员的尝试次数过多，请明天再试，或到参保地经办机构窗口办理",
                    "Too many attempts to add family members today; try again tomorrow or go to the counter");
        }
        try {
            FamilyMember link = request(owner, name, idNumber, relationship);
            recordAttempt(owner.idNumber(), true);
            return link;
        } catch (BusinessRuleException e) {
            recordAttempt(owner.idNumber(), false);
            throw e;
        }
    }

    private FamilyMember request(InsuranceRecord owner, String name, String idNumber, Relationship relationship) {
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty()) {
            throw new BusinessRuleException("请填写家庭成员的姓名", "Enter the family member's name");
        }
        if (relationship == null) {
            throw new BusinessRuleException("请选择与本人的关系", "Choose the relationship");
        }
        String id = IdNumber.require(idNumber);
        if (id.equals(owner.idNumber())) {
            throw new BusinessRuleException("不能将本人添加为家庭成员", "You cannot add yourself as a family member");
        }
        InsuranceRecord member = registry.find(id).filter(r -> r.name().equals(trimmedName)).orElseThrow(() ->
                new BusinessRuleException("姓名与公民身份号码不匹配，或该人员未查询到参保信息，请核对后重新输入",
                        "The name and ID number do not match, or the person has no insurance record; check and try again"));
        if (jdbc.sql("SELECT count(*) FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ?")
                .params(owner.idNumber(), member.idNumber()).query(Long.class).single() > 0) {
            throw new BusinessRuleException("该家庭成员已添加，不能重复添加", "This family member has already been added");
        }
        if (jdbc.sql("SELECT count(*) FROM app.family_member WHERE owner_id_number = ?").param(owner.idNumber())
                .query(Long.class).single() >= MAX_MEMBERS) {
            throw new BusinessRuleException("最多可添加" + MAX_MEMBERS + "名家庭成员", "At most " + MAX_MEMBERS + " family members can be added");
        }
        boolean onRecord = jdbc.sql("""
                SELECT count(*) FROM app.family_mutual_aid
                WHERE (id_number = ? AND relative_id_number = ?) OR (id_number = ? AND relative_id_number = ?)
                """).params(owner.idNumber(), member.idNumber(), member.idNumber(), owner.idNumber())
                .query(Long.class).single() > 0;
        return insert(owner.idNumber(), member, relationship, onRecord ? FamilyMember.Basis.REGISTRY : null, null);
    }

    /** The member agrees to a pending link from their own bound account. */
    @Transactional
    public FamilyMember confirm(String memberIdNumber, UUID ref) {
        int updated = jdbc.sql("""
                UPDATE app.family_member SET status = 'ACTIVE', basis = 'MEMBER_CONSENT', confirmed_at = now()
                WHERE member_id_number = ? AND ref = ? AND status = 'PENDING'
                """).params(IdNumber.canonical(memberIdNumber), ref).update();
        if (updated == 0) {
            throw new BusinessRuleException("未找到待确认的关联请求", "No such pending request");
        }
        return linkedTo(memberIdNumber).stream().filter(m -> m.ref().equals(ref)).findFirst().orElseThrow();
    }

    /** The member declines a pending link or ends an active one; false when there is no such link. */
    @Transactional
    public boolean removeByMember(String memberIdNumber, UUID ref) {
        return jdbc.sql("DELETE FROM app.family_member WHERE member_id_number = ? AND ref = ?")
                .params(IdNumber.canonical(memberIdNumber), ref).update() > 0;
    }

    /** Removes the member from the owner's list; does nothing when the member is not on it. */
    @Transactional
    public void remove(String ownerIdNumber, String memberIdNumber) {
        if (ownerIdNumber == null || memberIdNumber == null) {
            return;
        }
        jdbc.sql("DELETE FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ?")
                .params(IdNumber.canonical(ownerIdNumber), IdNumber.canonical(memberIdNumber)).update();
    }

    /**
     * A {@code counter} clerk of the owner's insured area records the link after seeing both
     * persons' ID documents and proof of the relation (户口簿, 结婚证 …): active at once.
     */
    @Transactional
    public FamilyMember recordAtCounter(AppUser clerk, String ownerName, String ownerIdNumber, String memberName,
                                        String memberIdNumber, Relationship relationship, boolean documentsSeen) {
        if (clerk == null || clerk.realm() != Realm.CLERKS || !clerk.hasRole(Roles.COUNTER)) {
            throw new BusinessRuleException("仅窗口经办人员可以登记家庭关系", "Only counter clerks may record family links");
        }
        if (!documentsSeen) {
            throw new BusinessRuleException("请先核验双方身份证件及关系证明，并勾选确认",
                    "Check both persons' ID documents and the proof of the relation first, and confirm it");
        }
        if (relationship == null) {
            throw new BusinessRuleException("请选择与本人的关系", "Choose the relationship");
        }
        InsuranceRecord owner = registry.find(IdNumber.require(ownerIdNumber))
                .filter(r -> r.name().equals(ownerName == null ? "" : ownerName.strip()))
                .orElseThrow(FamilyMembers::mismatch);
        InsuranceRecord member = registry.find(IdNumber.require(memberIdNumber))
                .filter(r -> r.name().equals(memberName == null ? "" : memberName.strip()))
                .orElseThrow(FamilyMembers::mismatch);
        if (!owner.poolingAreaCode().equals(clerk.unitCode())) {
            throw new BusinessRuleException("只能为本统筹区参保人员登记家庭关系", "The counter records links only for persons insured in its own area");
        }
        if (owner.idNumber().equals(member.idNumber())) {
            throw new BusinessRuleException("不能将本人添加为家庭成员", "You cannot add yourself as a family member");
        }
        jdbc.sql("DELETE FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ? AND status = 'PENDING'")
                .params(owner.idNumber(), member.idNumber()).update();
        return insert(owner.idNumber(), member, relationship, FamilyMember.Basis.COUNTER, clerk.account());
    }

    private FamilyMember insert(String owner, InsuranceRecord member, Relationship relationship, FamilyMember.Basis basis,
                                String recordedBy) {
        UUID ref = jdbc.sql("""
                INSERT INTO app.family_member (owner_id_number, member_id_number, member_name, relationship, status, basis,
                    confirmed_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, ?)
                ON CONFLICT (owner_id_number, member_id_number) DO NOTHING
                RETURNING ref
                """).params(owner, member.idNumber(), member.name(), relationship.name(), basis == null ? "PENDING" : "ACTIVE",
                basis == null ? null : basis.name(), basis != null, recordedBy)
                .query(UUID.class).optional().orElseThrow(() ->
                        new BusinessRuleException("该家庭成员已添加，不能重复添加", "This family member has already been added"));
        return find(owner, ref).orElseThrow();
    }

    private long attempts(String owner, boolean succeeded) {
        return jdbc.sql("""
                SELECT count(*) FROM app.family_link_attempt
                WHERE owner_id_number = ? AND succeeded = ? AND at > now() - interval '1 day'
                """).params(owner, succeeded).query(Long.class).single();
    }

    private void recordAttempt(String owner, boolean succeeded) {
        jdbc.sql("INSERT INTO app.family_link_attempt (owner_id_number, succeeded) VALUES (?, ?)")
                .params(owner, succeeded).update();
    }

    private static BusinessRuleException mismatch() {
        return new BusinessRuleException("姓名与公民身份号码不匹配，或该人员未查询到参保信息，请核对后重新输入",
                "The name and ID number do not match, or the person has no insurance record; check and try again");
    }

}
