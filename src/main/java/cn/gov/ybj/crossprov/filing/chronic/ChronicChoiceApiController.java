package cn.gov.ybj.crossprov.filing.chronic;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.insured.ChronicQualification;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.PersonNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 门诊慢特病医疗机构选择 over REST (004 §3). A filing or task the caller may not see answers 404,
 * exactly like one that does not exist; refusals answer 422 {messageZh, messageEn}.
 */
@RestController
@Tag(name = "门诊慢特病医疗机构选择 / Chronic disease institution choice")
class ChronicChoiceApiController {

    private final CurrentUser currentUser;
    private final FilingManagement filings;
    private final ChronicChoices chronic;
    private final InsuredAccounts accounts;

    ChronicChoiceApiController(CurrentUser currentUser, FilingManagement filings, ChronicChoices chronic, InsuredAccounts accounts) {
        this.currentUser = currentUser;
        this.filings = filings;
        this.chronic = chronic;
        this.accounts = accounts;
    }

    record QualificationView(String personIdNumber, String diseaseCode, String diseaseName, String insuredAreaCode,
                             LocalDate approvedOn, LocalDate validUntil) {
        static QualificationView of(ChronicQualification q) {
            return new QualificationView(IdNumber.mask(q.personIdNumber()), q.diseaseCode(), q.diseaseName(),
                    q.insuredAreaCode(), q.approvedOn(), q.validUntil());
        }
    }

    /** 医药机构变更流水号 and what the result screen shows; person masked as lists show persons. */
    record ChoiceView(UUID id, String serial, UUID filingId, String personName, String personIdNumber,
                      String diseaseCode, String diseaseName, String institutionCode, String institutionName,
                      String status, String statusLabel, String reason, Instant submittedAt, Instant decidedAt) {
        static ChoiceView of(ChronicChoice c) {
            return new ChoiceView(c.id(), c.serial(), c.filingId(), PersonNames.mask(c.personName()),
                    IdNumber.mask(c.personIdNumber()), c.diseaseCode(), c.diseaseName(), c.institutionCode(),
                    c.institutionName(), c.status().name(), c.status().label(), c.reason(), c.submittedAt(), c.decidedAt());
        }
    }

    record ChoiceBody(String diseaseCode, String institutionCode) {
    }

    record Decision(String decision, String refuseReason) {
    }

    @GetMapping("/api/me/chronic-qualifications")
    @Operation(summary = "门诊慢特病资格：本人或已添加的家庭成员（person=身份证号）/ Valid chronic disease qualifications")
    ResponseEntity<List<QualificationView>> qualifications(@RequestParam(value = "person", required = false) String person) {
        AppUser user = user();
        Optional<String> whom = person == null || person.isBlank()
                ? accounts.boundRecord(user).map(InsuranceRecord::idNumber)
                : Optional.of(IdNumber.canonical(person)).filter(p -> accounts.mayActFor(user, p));
        return whom.map(p -> ResponseEntity.ok(chronic.qualifications(user, p).stream().map(QualificationView::of).toList()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/filings/{id}/chronic-choices")
    @Operation(summary = "医疗机构审核列表：备案人的选择（审核中、审核通过、未通过），最新在前 / The filing person's choices")
    ResponseEntity<List<ChoiceView>> choices(@PathVariable UUID id,
                                             @RequestParam(value = "disease", required = false) String disease) {
        AppUser user = user();
        return filings.find(user, id)
                .map(f -> ResponseEntity.ok(chronic.choices(user, f.personIdNumber(), disease).stream()
                        .map(ChoiceView::of).toList()))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/filings/{id}/chronic-choices")
    @Operation(summary = "选择门诊慢特病医疗机构（每次1家）/ Choose one institution for a disease; answers the serial")
    ResponseEntity<ChoiceView> choose(@PathVariable UUID id, @RequestBody ChoiceBody body) {
        AppUser user = user();
        Optional<Filing> filing = filings.find(user, id);
        if (filing.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(ChoiceView.of(chronic.choose(user, id, body.diseaseCode(), body.institutionCode())));
    }

    @GetMapping("/api/chronic-choice-reviews/{taskId}")
    @Operation(summary = "待审核的门诊慢特病医疗机构选择 / The choice a review task is about")
    ResponseEntity<ChoiceView> review(@PathVariable String taskId) {
        return chronic.forReviewTask(user(), taskId).map(c -> ResponseEntity.ok(ChoiceView.of(c)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/chronic-choice-reviews/{taskId}")
    @Operation(summary = "审核结论：APPROVE 通过 / REFUSE 不通过（须填原因）/ Decide a choice")
    ResponseEntity<ChoiceView> decide(@PathVariable String taskId, @RequestBody Decision decision) {
        AppUser user = user();
        if (chronic.forReviewTask(user, taskId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if ("APPROVE".equals(decision.decision())) {
            return ResponseEntity.ok(ChoiceView.of(chronic.approve(user, taskId)));
        }
        if ("REFUSE".equals(decision.decision())) {
            return ResponseEntity.ok(ChoiceView.of(chronic.refuse(user, taskId, decision.refuseReason())));
        }
        throw new BusinessRuleException("审核结论须为 APPROVE（通过）或 REFUSE（不通过）", "The decision must be APPROVE or REFUSE");
    }

    private AppUser user() {
        return currentUser.require();
    }
}
