package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.FamilyMember;
import cn.gov.ybj.crossprov.insured.FamilyMembers;
import cn.gov.ybj.crossprov.insured.RealNameBinding;
import cn.gov.ybj.crossprov.insured.Relationship;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 实名认证 over REST. Insured accounts: {@code GET /api/me/binding}, {@code POST /api/me/binding/sms-codes}
 * (name + ID number → a code to the registry's mobile number), {@code POST /api/me/binding/sms-codes/{id}/confirm},
 * {@code POST /api/me/binding/counter-codes} (a code to show at the counter). Counter clerks (role
 * {@code counter}): {@code POST /api/counter/bindings}, {@code POST /api/counter/family-links}.
 */
@RestController
class BindingApiController {

    private final CurrentUser currentUser;
    private final RealNameBinding binding;
    private final FamilyMembers family;

    BindingApiController(CurrentUser currentUser, RealNameBinding binding, FamilyMembers family) {
        this.currentUser = currentUser;
        this.binding = binding;
        this.family = family;
    }

    record Problem(String messageZh, String messageEn) {
    }

    record SmsCodeRequest(String name, String idNumber) {
    }

    record CodeBody(String code) {
    }

    record CounterBinding(String counterCode, String name, String idNumber, boolean idCardSeen, boolean move, String reason) {
    }

    record CounterFamilyLink(String ownerName, String ownerIdNumber, String memberName, String memberIdNumber,
                             String relationship, boolean documentsSeen) {
    }

    record LinkView(UUID ref, String ownerName, String ownerIdNumber, String memberName, String memberIdNumber,
                    String relationship, String status, String basis, Instant createdAt) {
    }

    @GetMapping("/api/me/binding")
    ResponseEntity<?> status() {
        Optional<AppUser> user = insured();
        if (user.isEmpty()) {
            return forbidden("仅参保人账号可以进行实名认证", "Only insured persons' accounts can be bound");
        }
        return ResponseEntity.ok(binding.binding(user.get())
                .<Object>map(b -> Map.of("bound", true, "name", b.name(), "idNumber", b.maskedIdNumber(),
                        "method", b.method().name(), "boundAt", b.boundAt()))
                .orElse(Map.of("bound", false)));
    }

    @PostMapping("/api/me/binding/sms-codes")
    ResponseEntity<?> requestSmsCode(@RequestBody SmsCodeRequest body) {
        Optional<AppUser> user = insured();
        if (user.isEmpty()) {
            return forbidden("仅参保人账号可以进行实名认证", "Only insured persons' accounts can be bound");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(binding.requestSmsCode(user.get(), body.name(), body.idNumber()));
    }

    @PostMapping("/api/me/binding/sms-codes/{id}/confirm")
    ResponseEntity<?> confirmSmsCode(@PathVariable String id, @RequestBody CodeBody body) {
        Optional<AppUser> user = insured();
        if (user.isEmpty()) {
            return forbidden("仅参保人账号可以进行实名认证", "Only insured persons' accounts can be bound");
        }
        UUID challenge;
        try {
            challenge = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleException("验证码已失效，请重新获取", "The code has expired; request a new one");
        }
        return ResponseEntity.ok(binding.confirmSmsCode(user.get(), challenge, body.code()));
    }

    @PostMapping("/api/me/binding/counter-codes")
    ResponseEntity<?> counterCode() {
        Optional<AppUser> user = insured();
        if (user.isEmpty()) {
            return forbidden("仅参保人账号可以进行实名认证", "Only insured persons' accounts can be bound");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(binding.counterCode(user.get()));
    }

    @PostMapping("/api/counter/bindings")
    ResponseEntity<?> bindAtCounter(@RequestBody CounterBinding body) {
        Optional<AppUser> clerk = counterClerk();
        if (clerk.isEmpty()) {
            return forbidden("仅窗口经办人员可以办理实名认证", "Only counter clerks may bind accounts");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(binding.bindAtCounter(clerk.get(), body.counterCode(), body.name(),
                body.idNumber(), body.idCardSeen(), body.move(), body.reason()));
    }

    @PostMapping("/api/counter/family-links")
    ResponseEntity<?> recordFamilyLink(@RequestBody CounterFamilyLink body) {
        Optional<AppUser> clerk = counterClerk();
        if (clerk.isEmpty()) {
            return forbidden("仅窗口经办人员可以登记家庭关系", "Only counter clerks may record family links");
        }
        Relationship relationship = Relationship.parse(body.relationship()).orElseThrow(() ->
                new BusinessRuleException("请选择与本人的关系（SPOUSE 配偶 / PARENT 父母 / CHILD 子女 / OTHER 其他）",
                        "Choose the relationship (SPOUSE, PARENT, CHILD or OTHER)"));
        FamilyMember link = family.recordAtCounter(clerk.get(), body.ownerName(), body.ownerIdNumber(), body.memberName(),
                body.memberIdNumber(), relationship, body.documentsSeen());
        return ResponseEntity.status(HttpStatus.CREATED).body(new LinkView(link.ref(), link.ownerName(), link.maskedOwnerIdNumber(),
                link.memberName(), link.maskedMemberIdNumber(), link.relationship().name(), link.status().name(),
                link.basis().name(), link.createdAt()));
    }


    private Optional<AppUser> insured() {
        return currentUser.get().filter(u -> u.realm() == Realm.INSURED && u.hasRole(Roles.INSURED));
    }

    private Optional<AppUser> counterClerk() {
        return currentUser.get().filter(u -> u.realm() == Realm.CLERKS && u.hasRole(Roles.COUNTER));
    }

    private static ResponseEntity<Problem> forbidden(String zh, String en) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem(zh, en));
    }
}
