package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.InvalidIdNumberException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 家庭成员: the persons an insured person may file for. A member must be in the registry
 * under the given name, so nobody can file for a stranger by guessing an ID number.
 */
@Service
public class FamilyMembers {

    static final int MAX_MEMBERS = 20;
    private static final String SELECT = """
            SELECT ref, owner_id_number, member_id_number, member_name, relationship, created_at FROM app.family_member
            """;

    private final JdbcClient jdbc;
    private final InsuranceRegistry registry;

    FamilyMembers(JdbcClient jdbc, InsuranceRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    public List<FamilyMember> list(String ownerIdNumber) {
        if (ownerIdNumber == null) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE owner_id_number = ? ORDER BY created_at, member_id_number")
                .param(ownerIdNumber.trim().toUpperCase()).query(FamilyMember.class).list();
    }

    /** A member of the owner's list by its opaque handle. */
    public Optional<FamilyMember> find(String ownerIdNumber, UUID ref) {
        if (ownerIdNumber == null || ref == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE owner_id_number = ? AND ref = ?")
                .params(ownerIdNumber.trim().toUpperCase(), ref).query(FamilyMember.class).optional();
    }

    /** @throws BusinessRuleException (bilingual) when a rule refuses the member; nothing is written then */
    @Transactional
    public FamilyMember add(String ownerIdNumber, String name, String idNumber, Relationship relationship) {
        InsuranceRecord owner = registry.find(ownerIdNumber).orElseThrow(() ->
                new BusinessRuleException(InsuranceRegistry.NOT_FOUND_ZH, InsuranceRegistry.NOT_FOUND_EN));
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty()) {
            throw new BusinessRuleException("请填写家庭成员的姓名", "Enter the family member's name");
        }
        if (relationship == null) {
            throw new BusinessRuleException("请选择与本人的关系", "Choose the relationship");
        }
        IdNumber id;
        try {
            id = IdNumber.of(idNumber);
        } catch (InvalidIdNumberException e) {
            String[] parts = e.getMessage().split(" / ", 2);
            throw new BusinessRuleException(parts[0], parts.length > 1 ? parts[1] : parts[0]);
        }
        if (id.value().equals(owner.idNumber())) {
            throw new BusinessRuleException("不能将本人添加为家庭成员", "You cannot add yourself as a family member");
        }
        InsuranceRecord member = registry.find(id.value())
                .filter(r -> r.name().equals(trimmedName))
                .orElseThrow(() -> new BusinessRuleException(
                        "姓名与公民身份号码不匹配，或该人员未查询到参保信息，请核对后重新输入",
                        "The name and ID number do not match, or the person has no insurance record; check and try again"));
        boolean duplicate = jdbc.sql("SELECT count(*) FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ?")
                .params(owner.idNumber(), member.idNumber()).query(Long.class).single() > 0;
        if (duplicate) {
            throw new BusinessRuleException("该家庭成员已添加，不能重复添加", "This family member has already been added");
        }
        if (jdbc.sql("SELECT count(*) FROM app.family_member WHERE owner_id_number = ?").param(owner.idNumber())
                .query(Long.class).single() >= MAX_MEMBERS) {
            throw new BusinessRuleException("最多可添加" + MAX_MEMBERS + "名家庭成员", "At most " + MAX_MEMBERS + " family members can be added");
        }
        return jdbc.sql("""
                INSERT INTO app.family_member (owner_id_number, member_id_number, member_name, relationship)
                VALUES (?, ?, ?, ?)
                RETURNING ref, owner_id_number, member_id_number, member_name, relationship, created_at
                """).params(owner.idNumber(), member.idNumber(), member.name(), relationship.name())
                .query(FamilyMember.class).single();
    }

    /** Removes the member from the owner's list; does nothing when the member is not on it. */
    @Transactional
    public void remove(String ownerIdNumber, String memberIdNumber) {
        if (ownerIdNumber == null || memberIdNumber == null) {
            return;
        }
        jdbc.sql("DELETE FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ?")
                .params(ownerIdNumber.trim().toUpperCase(), memberIdNumber.trim().toUpperCase()).update();
    }
}
