package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.filing.FilingQuery;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingReceipts;
import cn.gov.ybj.crossprov.filing.RegistrationForms;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 异地就医备案 over REST (bearer token of the person's realm). A filing or task the caller may
 * not see answers 404, exactly like one that does not exist.
 */
@RestController
@Tag(name = "异地就医备案 / Filings")
class FilingApiController {

    private final CurrentUser currentUser;
    private final FilingManagement filings;
    private final RegistrationForms forms;
    private final FilingReceipts receipts;

    FilingApiController(CurrentUser currentUser, FilingManagement filings, RegistrationForms forms, FilingReceipts receipts) {
        this.currentUser = currentUser;
        this.filings = filings;
        this.forms = forms;
        this.receipts = receipts;
    }

    /** The application as JSON; materials come as multipart files next to it. */
    record ApplicationBody(String personIdNumber, String insuredAreaCode, String treatmentAreaCode,
                           InsuranceType insuranceType, FilingType filingType, LocalDate startDate, LocalDate endDate,
                           String contactName, String contactPhone, String contactAddress, String institutionCode,
                           boolean referral, boolean emergency, boolean commitmentInsteadOfMaterials,
                           boolean noticeAccepted, boolean commitmentAccepted) {

        FilingApplication toApplication(List<MultipartFile> files, String materialKind) {
            List<FilingApplication.Material> materials = files == null ? List.of() : files.stream()
                    .filter(f -> !f.isEmpty() || f.getOriginalFilename() != null)
                    .map(f -> new FilingApplication.Material(materialKind, f.getOriginalFilename(), bytes(f))).toList();
            return new FilingApplication(personIdNumber, insuredAreaCode, treatmentAreaCode, insuranceType, filingType,
                    startDate, endDate, contactName, contactPhone, contactAddress, institutionCode, referral, emergency,
                    commitmentInsteadOfMaterials, noticeAccepted, commitmentAccepted, materials);
        }
    }

    record Details(FilingView filing, List<Filing.Event> history, List<FilingMaterial> materials) {
    }

    record SearchPage(List<FilingView> items, int page, int size,
                      @Schema(description = "Whether a next page has at least one filing (no total is counted)") boolean hasMore) {
    }

    record Decision(String decision, String returnReason) {
    }

    record Texts(String notice, String commitment) {
    }

    @GetMapping("/api/filing-texts")
    @Operation(summary = "告知书与承诺书全文 / The notice and commitment texts the applicant accepts")
    Texts texts() {
        return new Texts(FilingManagement.noticeText(), FilingManagement.commitmentText());
    }

    @PostMapping(value = "/api/filings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提交备案（无材料）/ File without materials; Idempotency-Key makes retries safe")
    FilingView submit(@RequestHeader("Idempotency-Key") String key, @RequestBody ApplicationBody body) {
        return view(filings.submit(user(), body.toApplication(List.of(), null), key));
    }

    @PostMapping(value = "/api/filings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "提交备案（含材料：PDF/JPG/PNG，每个不超过 10 MB）/ File with materials")
    FilingView submitWithMaterials(@RequestHeader("Idempotency-Key") String key,
                                   @RequestPart("application") ApplicationBody body,
                                   @RequestPart(value = "materials", required = false) List<MultipartFile> materials,
                                   @RequestParam(value = "materialKind", required = false) String kind) {
        return view(filings.submit(user(), body.toApplication(materials, kind(body, kind)), key));
    }

    @PostMapping(value = "/api/filings/{id}/resubmission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "修改备案后重新提交 / Correct a returned filing and resubmit it")
    FilingView resubmit(@PathVariable UUID id, @RequestBody ApplicationBody body) {
        return view(filings.resubmit(user(), id, body.toApplication(List.of(), null)));
    }

    @PostMapping(value = "/api/filings/{id}/resubmission", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "修改备案后重新提交（含材料）/ Resubmit with materials")
    FilingView resubmitWithMaterials(@PathVariable UUID id, @RequestPart("application") ApplicationBody body,
                                     @RequestPart(value = "materials", required = false) List<MultipartFile> materials,
                                     @RequestParam(value = "materialKind", required = false) String kind) {
        return view(filings.resubmit(user(), id, body.toApplication(materials, kind(body, kind))));
    }

    @GetMapping("/api/filings")
    @Operation(summary = "我的备案：本人及家庭成员 / My and my family members' filings",
            description = "Each filing with the actions its owner may take now and `pending`, the requests under review "
                    + "shown beside the status (取消审核中 / 变更审核中 / 补充材料审核中 / 门诊慢特病选择审核中).")
    List<FilingView> mine() {
        AppUser user = user();
        List<Filing> mine = filings.mine(user);
        // the requests of all rows in one read
        java.util.Map<UUID, FilingOptions> options = filings.options(user, mine);
        return mine.stream().map(f -> FilingView.of(f, filings.actions(user, f, options.get(f.id())), options.get(f.id()))).toList();
    }

    @PostMapping("/api/filings/{id}/withdrawal")
    @Operation(summary = "撤回申请：申办中的线上备案由申请人撤回 / Withdraw an online filing still in progress",
            description = "The filing closes (已关闭, reason 申请人撤回), its review ends and its period is free again; nothing "
                    + "is reported to the national registry. 404 when not the caller's, 422 when it is not 申办中 (e.g. "
                    + "a clerk decided first).")
    ResponseEntity<FilingView> withdraw(@PathVariable UUID id) {
        AppUser user = user();
        if (filings.find(user, id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(view(filings.withdraw(user, id)));
    }

    @GetMapping("/api/clerk/filings")
    @Operation(summary = "备案查询（参保地经办人员）/ Search the filings of the clerk's insured pooling area",
            description = "All criteria optional and combined: idNumber, name and filingNumber (备案编号 or 申请流水号) exact; "
                    + "destination a province, city or district code (all filings inside it); from / to the submission "
                    + "dates, inclusive. Newest first, `size` (1–100) per page; `hasMore` says whether a next page exists. "
                    + "ID numbers in the answer are masked. Clerks only; other users get 403.")
    SearchPage search(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String filingNumber, @RequestParam(required = false) FilingStatus status,
                      @RequestParam(required = false) FilingType type, @RequestParam(required = false) String destination,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        FilingQuery.Page result = filings.search(user(),
                new FilingQuery(idNumber, name, filingNumber, status, type, destination, from, to, page, size));
        return new SearchPage(result.items().stream().map(FilingView::of).toList(), result.page(), result.size(),
                result.hasMore());
    }

    @GetMapping("/api/filings/{id}")
    @Operation(summary = "备案详情 / Filing details with history and materials")
    ResponseEntity<Details> details(@PathVariable UUID id) {
        AppUser user = user();
        return filings.find(user, id)
                .map(f -> ResponseEntity.ok(new Details(view(f), filings.history(user, id), filings.materials(user, id))))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/filings/{id}/materials/{materialId}")
    @Operation(summary = "材料原件 / A material's content")
    ResponseEntity<byte[]> material(@PathVariable UUID id, @PathVariable UUID materialId) {
        AppUser user = user();
        return filings.materials(user, id).stream().filter(m -> m.id().equals(materialId)).findFirst()
                .flatMap(m -> filings.materialContent(user, id, materialId)
                        .map(c -> ResponseEntity.ok().contentType(MediaType.parseMediaType(m.contentType())).body(c)))
                .orElse(ResponseEntity.notFound().build());
    }


    @GetMapping(value = "/api/filings/{id}/registration-form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "跨省异地就医登记备案表（附件1，PDF）/ The registration form of an opened filing",
            description = "003 第八条: the form the counter prints and the person signs; 422 before the filing has opened, 404 when not yours.")
    ResponseEntity<byte[]> registrationForm(@PathVariable UUID id) {
        return forms.pdf(user(), id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                                org.springframework.http.ContentDisposition.inline().filename("registration-form.pdf").build().toString())
                        .body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/api/filings/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "跨省异地就医备案回执（PDF）/ The receipt of an opened filing",
            description = "Filing number, application serial, masked person, period, destination, status and agency; "
                    + "422 before the filing has opened, 404 when not yours.")
    ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
        return receipts.pdf(user(), id).map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                                org.springframework.http.ContentDisposition.inline().filename("filing-receipt.pdf").build().toString())
                        .body(pdf))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/filing-reviews/{taskId}")
    @Operation(summary = "待审核的备案 / The filing a review task is about")
    ResponseEntity<FilingView> review(@PathVariable String taskId) {
        return filings.forReviewTask(user(), taskId).map(f -> ResponseEntity.ok(FilingView.of(f)))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/filing-reviews/{taskId}")
    @Operation(summary = "审核结论：APPROVE 通过 / RETURN 退回（须填原因）/ Decide a review")
    FilingView decide(@PathVariable String taskId, @RequestBody Decision decision) {
        AppUser user = user();
        if ("APPROVE".equals(decision.decision())) {
            return FilingView.of(filings.approve(user, taskId));
        }
        if ("RETURN".equals(decision.decision())) {
            return FilingView.of(filings.returnForCorrection(user, taskId, decision.returnReason()));
        }
        throw new BusinessRuleException("审核结论须为 APPROVE（通过）或 RETURN（退回）", "The decision must be APPROVE or RETURN");
    }

    @GetMapping("/api/me/progress")
    @Operation(summary = "办件进度：本人及家庭成员的全部事项，新的在前 / Case progress of the person and linked family")
    List<CaseProgress> progress() {
        return filings.progress(user());
    }

    @GetMapping("/api/me/progress/{processInstanceId}")
    @Operation(summary = "事项的办理环节（当前环节 current=true）/ The steps of one item; 404 when not the caller's")
    ResponseEntity<List<CaseProgress.Step>> progressSteps(@PathVariable String processInstanceId) {
        List<CaseProgress.Step> steps = filings.progressSteps(user(), processInstanceId);
        return steps.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(steps);
    }

    /** The filing with the actions its owner may take now. */
    private FilingView view(Filing f) {
        AppUser user = user();
        FilingOptions options = filings.options(user, f);
        return FilingView.of(f, filings.actions(user, f, options), options);
    }

    private AppUser user() {
        return currentUser.require();
    }

    private static String kind(ApplicationBody body, String kind) {
        if (kind != null && !kind.isBlank()) {
            return kind;
        }
        return body.filingType() == null ? null : body.filingType().material();
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
