package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.ContributionPeriod;
import cn.gov.ybj.crossprov.insured.FamilyMember;
import cn.gov.ybj.crossprov.insured.FamilyMembers;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.insured.Relationship;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The insured person's own registry entry and family members (bearer token, role INSURED):
 * {@code GET /api/me/insurance}, {@code GET/POST /api/me/family}, {@code DELETE /api/me/family/{ref}}.
 * Lists carry masked ID numbers and an opaque {@code ref}; the full number is sent only in POST.
 */
@RestController
class InsuredApiController {

    private final CurrentUser currentUser;
    private final InsuredAccounts accounts;
    private final InsuranceRegistry registry;
    private final FamilyMembers family;
    private final DivisionNames divisions;

    InsuredApiController(CurrentUser currentUser, InsuredAccounts accounts, InsuranceRegistry registry,
                         FamilyMembers family, DivisionNames divisions) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.registry = registry;
        this.family = family;
        this.divisions = divisions;
    }

    record RecordView(String idNumber, String name, String sex, LocalDate birthDate, String poolingAreaCode,
                      String poolingAreaName, String insuranceType, String insuranceTypeLabel, String personType,
                      String personTypeLabel, String status, String statusLabel, String employer, List<PeriodView> periods) {
    }

    record PeriodView(String poolingAreaCode, String poolingAreaName, String insuranceType, LocalDate startMonth,
                      LocalDate endMonth, long months) {
    }

    record MemberView(UUID ref, String name, String idNumber, String relationship, String relationshipLabel, String status,
                      String statusLabel, String basis, Instant createdAt) {
    }

    /** A link as the member sees it: who linked them. */
    record LinkedByView(UUID ref, String ownerName, String ownerIdNumber, String relationship, String relationshipLabel,
                        String status, String statusLabel, Instant createdAt) {
    }

    record NewMember(String name, String idNumber, String relationship) {
    }

    record Problem(String messageZh, String messageEn) {
    }

    @GetMapping("/api/me/insurance")
    ResponseEntity<?> insurance() {
        return asBoundPerson(r -> {
            List<PeriodView> periods = registry.periods(r.idNumber()).stream().map(this::view).toList();
            return ResponseEntity.ok(new RecordView(r.maskedIdNumber(), r.name(), r.sex(), r.birthDate(), r.poolingAreaCode(),
                    areaName(r.poolingAreaCode()), r.insuranceType().name(), r.insuranceType().label(), r.personType().name(),
                    r.personType().label(), r.status().name(), r.status().label(), r.employer(), periods));
        });
    }

    @GetMapping("/api/me/family")
    ResponseEntity<?> familyList() {
        return asBoundPerson(owner -> ResponseEntity.ok(family.list(owner.idNumber()).stream().map(InsuredApiController::view).toList()));
    }

    @PostMapping("/api/me/family")
    ResponseEntity<?> add(@RequestBody NewMember body) {
        return asBoundPerson(owner -> {
            Relationship relationship = Relationship.parse(body.relationship()).orElseThrow(() ->
                    new BusinessRuleException("请选择与本人的关系（SPOUSE 配偶 / PARENT 父母 / CHILD 子女 / OTHER 其他）",
                            "Choose the relationship (SPOUSE, PARENT, CHILD or OTHER)"));
            return ResponseEntity.status(HttpStatus.CREATED).body(view(family.add(owner.idNumber(), body.name(), body.idNumber(), relationship)));
        });
    }

    /** Members are addressed by their {@code ref}; someone else's ref is simply not found. */
    @DeleteMapping("/api/me/family/{ref}")
    ResponseEntity<?> remove(@PathVariable String ref) {
        return asBoundPerson(owner -> {
            Optional<FamilyMember> member = uuid(ref).flatMap(uuid -> family.find(owner.idNumber(), uuid));
            if (member.isEmpty()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("未找到该家庭成员", "No such family member"));
            }
            family.remove(owner.idNumber(), member.get().memberIdNumber());
            return ResponseEntity.noContent().build();
        });
    }

    /** Who has linked the person as a family member, pending or active. */
    @GetMapping("/api/me/family/linked-to-me")
    ResponseEntity<?> linkedToMe() {
        return asBoundPerson(me -> ResponseEntity.ok(family.linkedTo(me.idNumber()).stream().map(InsuredApiController::linkedByView).toList()));
    }

    /** The member agrees to be linked; only from the member's own bound account. */
    @PostMapping("/api/me/family/linked-to-me/{ref}/confirm")
    ResponseEntity<?> confirmLink(@PathVariable String ref) {
        return asBoundPerson(me -> uuid(ref).<ResponseEntity<?>>map(uuid -> ResponseEntity.ok(linkedByView(family.confirm(me.idNumber(), uuid))))
                .orElseGet(InsuredApiController::noSuchLink));
    }

    /** The member declines a request or ends a link. */
    @DeleteMapping("/api/me/family/linked-to-me/{ref}")
    ResponseEntity<?> removeLinkToMe(@PathVariable String ref) {
        return asBoundPerson(me -> uuid(ref).filter(uuid -> family.removeByMember(me.idNumber(), uuid))
                .<ResponseEntity<?>>map(uuid -> ResponseEntity.noContent().build()).orElseGet(InsuredApiController::noSuchLink));
    }

    private static Optional<UUID> uuid(String ref) {
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Problem> noSuchLink() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("未找到该关联请求", "No such link"));
    }


    private Optional<AppUser> insuredUser() {
        return currentUser.get().filter(u -> u.hasRole(Roles.INSURED));
    }

    /** 403 for other realms and for accounts not bound to their person (实名认证); the action otherwise. */
    private ResponseEntity<?> asBoundPerson(java.util.function.Function<InsuranceRecord, ResponseEntity<?>> action) {
        Optional<AppUser> user = insuredUser();
        if (user.isEmpty()) {
            return forbidden();
        }
        return accounts.boundRecord(user.get()).<ResponseEntity<?>>map(action).orElseGet(InsuredApiController::notBound);
    }

    private static ResponseEntity<Problem> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem("仅参保人可以访问", "Only insured persons have access"));
    }

    /** Personal data only for an account bound to its person by a proof (实名认证). */
    static ResponseEntity<Problem> notBound() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem(
                "请先完成实名认证：账号绑定参保人本人后才能查看和办理个人业务",
                "Verify your identity first (实名认证): personal data and services need an account bound to you"));
    }

    private PeriodView view(ContributionPeriod p) {
        return new PeriodView(p.poolingAreaCode(), areaName(p.poolingAreaCode()), p.insuranceType().name(),
                p.startMonth(), p.endMonth(), p.months());
    }

    private static MemberView view(FamilyMember m) {
        return new MemberView(m.ref(), m.memberName(), m.maskedMemberIdNumber(), m.relationship().name(),
                m.relationship().label(), m.status().name(), m.status().label(), m.basis() == null ? null : m.basis().name(),
                m.createdAt());
    }

    private static LinkedByView linkedByView(FamilyMember m) {
        return new LinkedByView(m.ref(), m.ownerName(), m.maskedOwnerIdNumber(), m.relationship().name(),
                m.relationship().label(), m.status().name(), m.status().label(), m.createdAt());
    }

    private String areaName(String code) {
        return divisions.name(code).orElse(code);
    }
}
