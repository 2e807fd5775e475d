package cn.gov.ybj.crossprov.filing.supplement;

import cn.gov.ybj.crossprov.filing.internal.FilingView;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * 补充材料 over REST. A filing or task the caller may not see answers 404, exactly like one that
 * does not exist; refusals answer 422 with {@code {messageZh, messageEn}}.
 */
@RestController
@Tag(name = "补充材料 / Supplemental materials")
class SupplementApiController {

    private final CurrentUser currentUser;
    private final FilingManagement filings;
    private final Supplements supplements;

    SupplementApiController(CurrentUser currentUser, FilingManagement filings, Supplements supplements) {
        this.currentUser = currentUser;
        this.filings = filings;
        this.supplements = supplements;
    }

    record Decision(String decision, String returnReason) {
    }

    record SupplementReview(FilingView filing, Supplement supplement) {
    }

    @PostMapping(value = "/api/filings/{id}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "补充材料（文件部件 files：PDF/JPG/PNG，每个不超过 10 MB）/ Add supplemental materials to a "
            + "commitment-based long-term filing")
    ResponseEntity<Supplement> submit(@PathVariable UUID id,
                                      @RequestPart(value = "files", required = false) List<MultipartFile> files) {
        AppUser user = user();
        if (filings.find(user, id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        List<FilingApplication.Material> materials = files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || f.getOriginalFilename() != null)
                .map(f -> new FilingApplication.Material(null, f.getOriginalFilename(), bytes(f))).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(supplements.submit(user, id, materials));
    }

    @GetMapping("/api/filings/{id}/supplements")
    @Operation(summary = "补充材料记录（含材料）/ The filing's supplemental materials with their review outcome")
    ResponseEntity<List<Supplement>> list(@PathVariable UUID id) {
        AppUser user = user();
        if (filings.find(user, id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(supplements.ofFiling(user, id));
    }

    @GetMapping("/api/filings/{id}/supplements/{supplementId}/materials/{materialId}")
    @Operation(summary = "补充材料原件 / A supplemental material's content")
    ResponseEntity<byte[]> material(@PathVariable UUID id, @PathVariable UUID supplementId, @PathVariable UUID materialId) {
        AppUser user = user();
        return supplements.ofFiling(user, id).stream().filter(s -> s.id().equals(supplementId))
                .flatMap(s -> s.materials().stream()).filter(m -> m.id().equals(materialId)).findFirst()
                .flatMap(m -> filings.materialContent(user, id, materialId).map(c -> ok(m, c)))
                .orElse(ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> ok(FilingMaterial m, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType())).body(content);
    }

    @GetMapping("/api/supplement-reviews/{taskId}")
    @Operation(summary = "待审核的补充材料及其备案 / The supplement a review task is about, with its filing")
    ResponseEntity<SupplementReview> review(@PathVariable String taskId) {
        AppUser user = user();
        return supplements.forReviewTask(user, taskId)
                .flatMap(s -> filings.find(user, s.filingId()).map(f -> new SupplementReview(FilingView.of(f), s)))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/supplement-reviews/{taskId}")
    @Operation(summary = "审核结论：APPROVE 通过 / RETURN 退回（须填原因）/ Decide a supplement review")
    ResponseEntity<Supplement> decide(@PathVariable String taskId, @RequestBody Decision decision) {
        AppUser user = user();
        if (supplements.forReviewTask(user, taskId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if ("APPROVE".equals(decision.decision())) {
            return ResponseEntity.ok(supplements.approve(user, taskId));
        }
        if ("RETURN".equals(decision.decision())) {
            return ResponseEntity.ok(supplements.returnForCorrection(user, taskId, decision.returnReason()));
        }
        throw new BusinessRuleException("审核结论须为 APPROVE（通过）或 RETURN（退回）", "The decision must be APPROVE or RETURN");
    }

    private AppUser user() {
        return currentUser.require();
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
