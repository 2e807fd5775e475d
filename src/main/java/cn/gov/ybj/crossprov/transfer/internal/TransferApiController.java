package cn.gov.ybj.crossprov.transfer.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.transfer.Direction;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.transfer.TransferPrints;
import cn.gov.ybj.crossprov.transfer.TransferProgress;
import cn.gov.ybj.crossprov.workflow.ProcessDiagrams;
import cn.gov.ybj.crossprov.workflow.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 医疗保险关系转移接续 over REST, with the rules of the screens. A case or task the caller may not
 * see answers 404 exactly like one that does not exist; refusals answer 422 {messageZh, messageEn}.
 */
@RestController
@Tag(name = "医疗保险关系转移接续 / Insurance relationship transfer")
class TransferApiController {

    private final CurrentUser currentUser;
    private final TransferCases transfers;
    private final TransferProgress progress;
    private final TransferPrints documents;
    private final ProcessDiagrams diagrams;

    TransferApiController(CurrentUser currentUser, TransferCases transfers, TransferProgress progress,
                          TransferPrints documents, ProcessDiagrams diagrams) {
        this.currentUser = currentUser;
        this.transfers = transfers;
        this.progress = progress;
        this.documents = documents;
        this.diagrams = diagrams;
    }

    record OutApplication(String inAreaCode, String phone) {
    }

    record InApplication(InsuranceType insuranceType, String outAreaCode, String inAreaCode, String phone) {
    }

    /**
     * @param decision         APPROVE (受理 / 通过 / 办理) or REFUSE (不予通过, with refuseReason)
     * @param identityChecked  前台落地审核: identity document seen
     * @param documentsChecked 前台落地审核: application documents seen
     * @param balanceReceived  转入: personal-account amount received, yuan with at most two decimals
     */
    record StepDecision(String decision, String refuseReason, Boolean identityChecked, Boolean documentsChecked,
                        BigDecimal balanceReceived) {
    }

    /** A case as lists and details show it: ID number and name masked. */
    record TransferView(UUID id, long serialNo, String direction, String directionLabel, String status,
                        String statusLabel, String personName, String personIdNumber, String insuranceType,
                        String outAreaCode, String inAreaCode, Instant submittedAt, Instant updatedAt,
                        String refuseReason, String certificateNo, YearMonth outFirstMonth, YearMonth outLastMonth,
                        Integer outMonths, BigDecimal balance, Instant balanceCreditedAt, Integer accumulatedMonths) {
        static TransferView of(TransferCase c) {
            return new TransferView(c.getId(), c.getSerialNo(), c.getDirection().name(), c.getDirection().label(),
                    c.getStatus().name(), c.getStatus().label(), PersonNames.mask(c.getPersonName()), c.getMaskedIdNumber(),
                    c.getInsuranceType().name(), c.getOutAreaCode(), c.getInAreaCode(), c.getSubmittedAt(), c.getUpdatedAt(),
                    c.getRefuseReason(), c.getCertificateNo(), c.getOutFirstMonth(), c.getOutLastMonth(), c.getOutMonths(),
                    c.getBalance() == null ? null : c.getBalance().yuan(), c.getBalanceCreditedAt(), c.getAccumulatedMonths());
        }
    }

    record TaskView(String taskId, String taskKey, TransferView transfer) {
    }

    @GetMapping("/api/transfers/out/preview")
    @Operation(summary = "职工医疗保险关系转出申请·查询：本人、转出地与转入地经办机构（含银行信息）、转出地险种信息 / Preview a transfer-out")
    TransferCases.Preview previewOut(@RequestParam("inArea") String inArea) {
        return transfers.previewOut(user(), inArea);
    }

    @PostMapping("/api/transfers/out")
    @Operation(summary = "提交转出申请（转入地、手机号码）；转出地经办机构审核 / Apply for a transfer-out")
    TransferView applyOut(@RequestBody OutApplication body) {
        return TransferView.of(transfers.applyOut(user(), body.inAreaCode(), body.phone()));
    }

    @GetMapping("/api/transfers/in/preview")
    @Operation(summary = "职工医疗保险关系异地转入申请·查询（选择类型、转出地、转入地）/ Preview a transfer-in")
    TransferCases.Preview previewIn(@RequestParam("type") InsuranceType type, @RequestParam("outArea") String outArea,
                                    @RequestParam("inArea") String inArea) {
        return transfers.previewIn(user(), type, outArea, inArea);
    }

    @PostMapping("/api/transfers/in")
    @Operation(summary = "提交异地转入申请；须到转入地经办窗口落地审核 / Apply for a transfer-in (checked at the in-area counter)")
    TransferView applyIn(@RequestBody InApplication body) {
        return TransferView.of(transfers.applyIn(user(), body.insuranceType(), body.outAreaCode(), body.inAreaCode(), body.phone()));
    }

    @GetMapping("/api/transfers")
    @Operation(summary = "转移接续列表（查询类型 OUT 转出 / IN 转入）：本人的；经办人员为转出或转入本统筹区的 / Transfer cases")
    List<TransferView> list(@RequestParam(value = "direction", required = false) Direction direction,
                            @RequestParam(value = "limit", defaultValue = "50") int limit) {
        return transfers.list(user(), direction, limit).stream().map(TransferView::of).toList();
    }

    @GetMapping("/api/transfers/{id}")
    @Operation(summary = "转移接续详情 / One transfer case")
    ResponseEntity<TransferView> one(@PathVariable UUID id) {
        return ResponseEntity.of(transfers.find(user(), id).map(TransferView::of));
    }

    @GetMapping("/api/transfers/{id}/progress")
    @Operation(summary = "医疗转移接续办理进度：每一环节的时间、地区和状态，CURRENT 为当前办理节点 / Progress")
    ResponseEntity<List<TransferProgress.Step>> progress(@PathVariable UUID id) {
        return ResponseEntity.of(progress.of(user(), id).map(TransferProgress.Progress::steps));
    }

    @GetMapping(value = "/api/transfers/{id}/diagram.svg", produces = "image/svg+xml")
    @Operation(summary = "流程图（已办环节绿色、当前环节蓝色）/ The process diagram with the case's steps marked")
    ResponseEntity<String> diagram(@PathVariable UUID id) {
        return ResponseEntity.of(transfers.find(user(), id).map(c -> diagrams.svgForInstance(c.getProcessInstanceId())));
    }

    @GetMapping("/api/transfers/{id}/certificate.pdf")
    @Operation(summary = "打印医疗保险关系转移接续参保凭证（转出后）/ The insurance certificate, once transferred out")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
        return pdf(documents.certificate(user(), id), "参保凭证", id);
    }

    @GetMapping("/api/transfers/{id}/information-sheet.pdf")
    @Operation(summary = "参保人员基本医疗保险信息表（转出后）/ The information sheet, once transferred out")
    ResponseEntity<byte[]> informationSheet(@PathVariable UUID id) {
        return pdf(documents.informationSheet(user(), id), "信息表", id);
    }

    @GetMapping("/api/transfer-tasks/{taskId}")
    @Operation(summary = "经办人员：待办环节及其转移接续 / The transfer step a task is about")
    ResponseEntity<TaskView> task(@PathVariable String taskId) {
        return ResponseEntity.of(transfers.forTask(user(), taskId)
                .map(t -> new TaskView(t.taskId(), t.taskKey(), TransferView.of(t.transfer()))));
    }

    @PostMapping("/api/transfer-tasks/{taskId}")
    @Operation(summary = "经办人员办理环节：APPROVE 受理/通过/办理，REFUSE 不予通过（须填原因）/ Decide a transfer step")
    ResponseEntity<TransferView> decide(@PathVariable String taskId, @RequestBody StepDecision body) {
        AppUser user = user();
        if (transfers.forTask(user, taskId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Reviews.Outcome outcome = switch (body.decision() == null ? "" : body.decision()) {
            case "APPROVE" -> Reviews.Outcome.APPROVE;
            case "REFUSE" -> Reviews.Outcome.REFUSE;
            default -> throw new BusinessRuleException("办理结论须为 APPROVE（通过）或 REFUSE（不予通过）",
                    "The decision must be APPROVE or REFUSE");
        };
        return ResponseEntity.ok(TransferView.of(transfers.decide(user, taskId, new TransferCases.Decision(outcome,
                body.refuseReason(), Boolean.TRUE.equals(body.identityChecked()), Boolean.TRUE.equals(body.documentsChecked()),
                TransferCases.receivedAmount(body.balanceReceived())))));
    }

    private static ResponseEntity<byte[]> pdf(Optional<byte[]> pdf, String name, UUID id) {
        return pdf.map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(name + "-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                        .body(bytes))
                .orElse(ResponseEntity.notFound().build());
    }

    private AppUser user() {
        return currentUser.require();
    }
}
