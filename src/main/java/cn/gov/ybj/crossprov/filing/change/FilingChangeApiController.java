package cn.gov.ybj.crossprov.filing.change;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 信息变更 over REST. A filing or task the caller may not see answers 404, exactly like one that
 * does not exist; a refusal answers 422 {messageZh, messageEn} and changes nothing.
 */
@RestController
@Tag(name = "信息变更 / Filing changes")
class FilingChangeApiController {

    private final CurrentUser currentUser;
    private final FilingManagement filings;
    private final FilingChanges filingChanges;

    FilingChangeApiController(CurrentUser currentUser, FilingManagement filings, FilingChanges filingChanges) {
        this.currentUser = currentUser;
        this.filings = filings;
        this.filingChanges = filingChanges;
    }

    /** Omitted fields keep their values; destination, insurance type, filing type and employer cannot change. */
    record ChangeBody(LocalDate startDate, LocalDate endDate, String contactName, String contactPhone,
                      String contactAddress, String institutionCode, String treatmentAreaCode,
                      InsuranceType insuranceType, FilingType filingType, String employer) {

        FilingChange toChange() {
            return new FilingChange(startDate, endDate, contactName, contactPhone, contactAddress, institutionCode,
                    treatmentAreaCode, insuranceType, filingType, employer);
        }
    }

    record ChangeReview(UUID filingId, String applicationSerial, String filingNumber, String personName,
                        FilingChangeRecord change) {
    }

    record Decision(String decision, String refuseReason) {
    }

    @PostMapping(value = "/api/filings/{id}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "信息变更：起止时间、联系人信息（快速备案的地址、电话、定点机构变更须审核）/ Change an opened filing")
    ResponseEntity<FilingChangeRecord> request(@PathVariable UUID id, @RequestBody ChangeBody body) {
        AppUser user = user();
        if (filings.find(user, id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(filingChanges.request(user, id, body == null ? null : body.toChange()));
    }

    @GetMapping("/api/filings/{id}/changes")
    @Operation(summary = "变更记录（最新在前）/ The filing's changes, newest first")
    ResponseEntity<List<FilingChangeRecord>> history(@PathVariable UUID id) {
        AppUser user = user();
        if (filings.find(user, id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(filingChanges.history(user, id));
    }

    @GetMapping("/api/change-reviews/{taskId}")
    @Operation(summary = "待审核的信息变更（变更前后的值）/ The change a review task is about, old and new values")
    ResponseEntity<ChangeReview> review(@PathVariable String taskId) {
        AppUser user = user();
        return filingChanges.forReviewTask(user, taskId)
                .flatMap(c -> filings.find(user, c.filingId()).map(f -> review(f, c)))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/change-reviews/{taskId}")
    @Operation(summary = "审核结论：APPROVE 通过 / REFUSE 不予通过（须填原因）/ Decide a change review")
    ResponseEntity<FilingChangeRecord> decide(@PathVariable String taskId, @RequestBody Decision decision) {
        AppUser user = user();
        if (filingChanges.forReviewTask(user, taskId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if ("APPROVE".equals(decision.decision())) {
            return ResponseEntity.ok(filingChanges.approve(user, taskId));
        }
        if ("REFUSE".equals(decision.decision())) {
            return ResponseEntity.ok(filingChanges.refuse(user, taskId, decision.refuseReason()));
        }
        throw new BusinessRuleException("审核结论须为 APPROVE（通过）或 REFUSE（不予通过）", "The decision must be APPROVE or REFUSE");
    }

    private static ChangeReview review(Filing f, FilingChangeRecord c) {
        return new ChangeReview(f.id(), f.applicationSerial(), f.filingNumber(), f.personName(), c);
    }

    private AppUser user() {
        return currentUser.require();
    }
}
