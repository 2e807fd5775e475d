package cn.gov.ybj.crossprov.filing.cancellation;

import cn.gov.ybj.crossprov.filing.internal.FilingView;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 取消备案 over REST. The person's token cancels online, a counter clerk's token at the counter;
 * a filing or task the caller may not see answers 404, exactly like one that does not exist.
 */
@RestController
@Tag(name = "取消备案 / Filing cancellation")
class CancellationApiController {

    private final CurrentUser currentUser;
    private final FilingManagement filings;
    private final FilingCancellations cancellations;

    CancellationApiController(CurrentUser currentUser, FilingManagement filings, FilingCancellations cancellations) {
        this.currentUser = currentUser;
        this.filings = filings;
        this.cancellations = cancellations;
    }

    /**
     * @param requestedBy shown to staff only; empty for the person
     * @param filingStatus the filing's status after the request (CLOSED when it closed at once)
     */
    record CancellationView(UUID id, UUID filingId, String channel, String channelLabel, String status, String statusLabel,
                            Instant requestedAt, String reason, Instant decidedAt, String requestedBy,
                            String filingStatus, String filingStatusLabel) {

        static CancellationView of(Cancellation c, Filing f, boolean staff) {
            return new CancellationView(c.id(), c.filingId(), c.channel().name(), c.channel().label(), c.status().name(),
                    c.status().label(), c.requestedAt(), c.reason(), c.decidedAt(), staff ? c.requestedBy() : null,
                    f == null ? null : f.status().name(), f == null ? null : f.statusLabel());
        }
    }

    record Review(FilingView filing, CancellationView cancellation) {
    }

    record Decision(String decision, String refuseReason) {
    }

    @PostMapping("/api/filings/{id}/cancellation")
    @Operation(summary = "取消备案：参保人线上申请（快速备案需审核，自助备案即时关闭）；窗口经办人员窗口取消（即时关闭）"
            + " / Cancel a filing: online by the person, at the counter by a counter clerk")
    ResponseEntity<CancellationView> cancel(@PathVariable UUID id) {
        AppUser user = user();
        if (filings.find(user, id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Cancellation c = cancellations.request(user, id);
        return ResponseEntity.ok(view(user, c));
    }

    @GetMapping("/api/filings/{id}/cancellations")
    @Operation(summary = "取消备案申请记录（最新在前）/ The filing's cancellation requests, newest first")
    ResponseEntity<List<CancellationView>> cancellations(@PathVariable UUID id) {
        AppUser user = user();
        return filings.find(user, id)
                .map(f -> ResponseEntity.ok(cancellations.ofFiling(user, id).stream()
                        .map(c -> CancellationView.of(c, f, staff(user))).toList()))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/cancellation-reviews/{taskId}")
    @Operation(summary = "待审核的取消备案申请及其备案 / The cancellation request a review task is about")
    ResponseEntity<Review> review(@PathVariable String taskId) {
        AppUser user = user();
        return cancellations.forReviewTask(user, taskId)
                .flatMap(c -> filings.find(user, c.filingId())
                        .map(f -> new Review(FilingView.of(f), CancellationView.of(c, f, true))))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/cancellation-reviews/{taskId}")
    @Operation(summary = "取消备案审核结论：APPROVE 同意（备案关闭）/ REFUSE 不同意（须填原因）/ Decide a cancellation review")
    CancellationView decide(@PathVariable String taskId, @RequestBody Decision decision) {
        AppUser user = user();
        Cancellation c;
        if ("APPROVE".equals(decision.decision())) {
            c = cancellations.approve(user, taskId);
        } else if ("REFUSE".equals(decision.decision())) {
            c = cancellations.refuse(user, taskId, decision.refuseReason());
        } else {
            throw new BusinessRuleException("审核结论须为 APPROVE（同意）或 REFUSE（不同意）", "The decision must be APPROVE or REFUSE");
        }
        return view(user, c);
    }

    private CancellationView view(AppUser user, Cancellation c) {
        return CancellationView.of(c, filings.find(user, c.filingId()).orElse(null), staff(user));
    }

    private static boolean staff(AppUser user) {
        return user.realm() != Realm.INSURED;
    }

    private AppUser user() {
        return currentUser.require();
    }
}
