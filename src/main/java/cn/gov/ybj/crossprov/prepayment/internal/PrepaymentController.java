package cn.gov.ybj.crossprov.prepayment.internal;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.prepayment.InitialQuotas;
import cn.gov.ybj.crossprov.prepayment.PrepaymentDocuments;
import cn.gov.ybj.crossprov.prepayment.Prepayments;
import cn.gov.ybj.crossprov.prepayment.Suspension;
import cn.gov.ybj.crossprov.prepayment.Suspensions;
import cn.gov.ybj.crossprov.prepayment.TopUpNotice;
import cn.gov.ybj.crossprov.prepayment.TopUps;
import cn.gov.ybj.crossprov.prepayment.YearFinances;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 预付金 over REST, for officers (003 第十六–二十四条): the year's quotas and usage, the emergency top-ups
 * and their tasks, the 附件5 notice, the suspensions. A provincial officer sees only the pairs it pays or
 * receives in; a task, top-up or suspension that is not the officer's is 404 like one that does not exist.
 */
@RestController
@Tag(name = "预付金 / Prepayment")
class PrepaymentController {

    record Problem(String messageZh, String messageEn) {
    }

    static final class NotFound extends RuntimeException {
        final Problem problem;

        NotFound(String zh, String en) {
            super(en);
            this.problem = new Problem(zh, en);
        }
    }

    private final CurrentUser currentUser;
    private final Prepayments prepayments;
    private final TopUps topUps;
    private final TopUpNotice notice;
    private final Suspensions suspensions;
    private final PrepaymentDocuments files;
    private final InitialQuotas initial;
    private final YearFinances finances;

    PrepaymentController(CurrentUser currentUser, Prepayments prepayments, TopUps topUps, TopUpNotice notice, Suspensions suspensions,
                         PrepaymentDocuments files, InitialQuotas initial, YearFinances finances) {
        this.files = files;
        this.initial = initial;
        this.finances = finances;
        this.currentUser = currentUser;
        this.prepayments = prepayments;
        this.topUps = topUps;
        this.notice = notice;
        this.suspensions = suspensions;
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Problem> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.problem);
    }

    @PostMapping("/api/prepayment/{year}/run")
    @Operation(summary = "核定本年度预付金额度（第十八条）/ The centre sets the year's quotas",
            description = "Each pair's quota = two months of last year's confirmed clearing amounts (basis ÷ 6, half up to the fen), "
                    + "with last year's prepayment for the adjustment. Once per year: a second run 422.")
    Prepayments.YearState run(@PathVariable int year) {
        return prepayments.runYear(currentUser.get().orElse(null), year);
    }

    record ReportBody(Map<String, BigDecimal> amounts) {
    }

    @PostMapping("/api/prepayment/{year}/initial")
    @Operation(summary = "上报预付金额度（第十七条，预付金建立之初）/ A province reports its initial quotas",
            description = "The paying province's prepayment officers: {\"amounts\": {\"110000\": 1200000.00, …}} (yuan per receiving "
                    + "province); reporting again replaces the lines. 422 once the year is set or when an earlier year exists.")
    InitialQuotas.Report report(@PathVariable int year, @RequestBody ReportBody body) {
        return initial.report(currentUser.get().orElse(null), year, body.amounts());
    }

    @GetMapping("/api/prepayment/{year}/initial")
    @Operation(summary = "各省上报的预付金额度 / The reports", description = "The centre: all; a province: the lines it pays or receives.")
    List<InitialQuotas.Report> reports(@PathVariable int year) {
        return initial.reports(currentUser.get().orElse(null), year);
    }

    @PostMapping("/api/prepayment/{year}/initial/confirmation")
    @Operation(summary = "部级经办机构汇总确认（附件2/3）/ The centre confirms the reports",
            description = "Sets the year's quotas from the reports (once per year) and starts the provinces' transfers.")
    Prepayments.YearState confirm(@PathVariable int year) {
        return initial.confirm(currentUser.get().orElse(null), year);
    }

    @GetMapping("/api/prepayment/{year}/finance")
    @Operation(summary = "本年度预付金收付（第十九条）/ The year's transfers between the provinces",
            description = "Per province: what it owes and is owed, its hand-over, transfer and arrival with deadlines. The centre: "
                    + "all; a province: its own and its counterparts'.")
    List<YearFinances.ProvinceYear> finance(@PathVariable int year) {
        return finances.year(currentUser.get().orElse(null), year);
    }

    @GetMapping("/api/prepayment/finance-tasks")
    @Operation(summary = "本省年度预付金收付待办 / The province's finance steps of the year's prepayment",
            description = "Finance officers: hand-over, transfer, arrival; the centre's prepayment officers: the escalated ones.")
    List<YearFinances.YearFinanceTask> financeTasks() {
        return finances.open(currentUser.get().orElse(null));
    }

    @PostMapping("/api/prepayment/finance-tasks/{taskId}/completion")
    @Operation(summary = "办结收付步骤 / Record a step as done", description = "Body (optional): {\"note\": \"…\"}, at most 200 characters.")
    YearFinances.ProvinceYear completeFinance(@PathVariable String taskId, @RequestBody(required = false) CompletionBody body) {
        return finances.complete(currentUser.get().orElse(null), taskId, body == null ? null : body.note())
                .orElseThrow(() -> new NotFound("任务不存在或无权办理", "No such task, or not yours"));
    }

    @GetMapping("/api/prepayment/{year}")
    @Operation(summary = "本年度预付金：各省份对的额度、调增、使用率与预警 / The year's pairs: quota, top-ups, usage, warning",
            description = "The centre: every pair; a province: the pairs it pays or receives in. 404 before the year's run.")
    Prepayments.YearState year(@PathVariable int year) {
        return prepayments.year(currentUser.get().orElse(null), year)
                .orElseThrow(() -> notRun(year));
    }

    @GetMapping(value = "/api/prepayment/{year}/pairs.xlsx")
    @Operation(summary = "本年度预付金明细（Excel）/ The year's pairs as .xlsx", description = "万元, four decimals; a province: its pairs.")
    ResponseEntity<byte[]> pairsXlsx(@PathVariable int year) {
        return file(files.xlsx(currentUser.get().orElse(null), year).orElseThrow(() -> notRun(year)),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), year + "-prepayment.xlsx");
    }

    @GetMapping(value = "/api/prepayment/{year}/pairs.pdf")
    @Operation(summary = "本年度预付金明细（PDF）/ The year's pairs as PDF")
    ResponseEntity<byte[]> pairsPdf(@PathVariable int year) {
        return file(files.pdf(currentUser.get().orElse(null), year).orElseThrow(() -> notRun(year)), MediaType.APPLICATION_PDF,
                year + "-prepayment.pdf");
    }

    @GetMapping(value = "/api/prepayment/{year}/matrix.xlsx")
    @Operation(summary = "附件4 全国跨省异地就医费用预付金明细表（Excel）/ The national prepayment table",
            description = "预付金划入 rows × 划出 columns of the year's quotas, 万元; a province: its row and column.")
    ResponseEntity<byte[]> matrixXlsx(@PathVariable int year) {
        return file(files.matrixXlsx(currentUser.get().orElse(null), year).orElseThrow(() -> notRun(year)),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), year + "-annex4.xlsx");
    }

    @GetMapping(value = "/api/prepayment/{year}/matrix.pdf")
    @Operation(summary = "附件4（PDF）/ The national prepayment table as PDF")
    ResponseEntity<byte[]> matrixPdf(@PathVariable int year) {
        return file(files.matrixPdf(currentUser.get().orElse(null), year).orElseThrow(() -> notRun(year)), MediaType.APPLICATION_PDF,
                year + "-annex4.pdf");
    }

    @GetMapping(value = "/api/prepayment/{year}/provinces/{province}/notices/{kind}.pdf")
    @Operation(summary = "附件4-1 / 4-2 预付金额度调整付款、收款通知书（附件2/3 in the initial year）（PDF）/ The notices",
            description = "kind: payment (附件4-1, 附件2) | receipt (附件4-2, 附件3); a province its own (403 another's); 422 when it has nothing to pay or receive.")
    ResponseEntity<byte[]> adjustmentNotice(@PathVariable int year, @PathVariable String province, @PathVariable String kind) {
        PrepaymentDocuments.Notice k = switch (kind) {
            case "payment" -> PrepaymentDocuments.Notice.PAYMENT;
            case "receipt" -> PrepaymentDocuments.Notice.RECEIPT;
            default -> throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        if (!province.matches("[0-9]{2}0000")) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return file(files.notice(currentUser.get().orElse(null), year, province, k).orElseThrow(() -> notRun(year)), MediaType.APPLICATION_PDF,
                year + "-" + province + "-" + kind + ".pdf");
    }

    private static NotFound notRun(int year) {
        return new NotFound(year + " 年度预付金额度尚未核定", "The quotas of " + year + " have not been set");
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        ContentDisposition d = (type.equals(MediaType.APPLICATION_PDF) ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, d.toString()).body(bytes);
    }

    @GetMapping("/api/prepayment/{year}/top-ups")
    @Operation(summary = "本年度紧急调增 / The year's emergency top-ups", description = "With every step's deadline, who and when.")
    List<TopUps.TopUpState> topUps(@PathVariable int year) {
        return topUps.list(currentUser.get().orElse(null), year);
    }

    @GetMapping(value = "/api/prepayment/top-ups/{id}/notice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "附件5 紧急调增通知书（PDF）/ The top-up notice", description = "Once the centre has approved (422 before).")
    ResponseEntity<byte[]> notice(@PathVariable String id) {
        byte[] pdf = notice.pdf(currentUser.get().orElse(null), id).orElseThrow(() -> new NotFound("该调增不存在或无权查看", "No such top-up, or not yours"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("top-up-notice.pdf").build().toString()).body(pdf);
    }

    @GetMapping("/api/prepayment/tasks")
    @Operation(summary = "本单位的预付金待办 / The prepayment tasks of the officer's unit",
            description = "Prepayment officers: applications and arrival reports (receiving province), reviews (the centre); finance "
                    + "officers: hand-over, transfer, written feedback (paying province). Escalated first.")
    List<TopUps.TopUpTask> tasks() {
        return topUps.open(currentUser.get().orElse(null));
    }

    record ApplicationBody(BigDecimal amount, String reason) {
    }

    @PostMapping("/api/prepayment/tasks/{taskId}/application")
    @Operation(summary = "报送调增申请 / Apply for the top-up", description = "Body: {\"amount\": 1200000.00 (yuan), \"reason\": \"…\"}.")
    TopUps.TopUpState apply(@PathVariable String taskId, @RequestBody ApplicationBody body) {
        return found(topUps.apply(currentUser.get().orElse(null), taskId, body.amount(), body.reason()));
    }

    record ReviewBody(boolean approve, BigDecimal amount, String note) {
    }

    @PostMapping("/api/prepayment/tasks/{taskId}/review")
    @Operation(summary = "部级经办机构审核调增 / The centre reviews the top-up",
            description = "Body: {\"approve\": true, \"amount\": null (as applied) or the adjusted amount, \"note\": \"…\"}; "
                    + "refusing needs a note.")
    TopUps.TopUpState review(@PathVariable String taskId, @RequestBody ReviewBody body) {
        return found(topUps.review(currentUser.get().orElse(null), taskId, body.approve(), body.amount(), body.note()));
    }

    record CompletionBody(String note) {
    }

    @PostMapping("/api/prepayment/tasks/{taskId}/completion")
    @Operation(summary = "办结财政步骤或反馈到账 / Record a finance step or the arrival as done",
            description = "Body (optional): {\"note\": \"…\"}, at most 200 characters.")
    TopUps.TopUpState complete(@PathVariable String taskId, @RequestBody(required = false) CompletionBody body) {
        return found(topUps.complete(currentUser.get().orElse(null), taskId, body == null ? null : body.note()));
    }

    @GetMapping("/api/prepayment/overdue")
    @Operation(summary = "逾期未到的资金 / Money overdue now",
            description = "Clearing transfers, a year's prepayment and top-ups whose hand-over or transfer is past its deadline: "
                    + "the centre all, a province what it owes or is owed; the oldest deadline first.")
    List<Suspensions.Overdue> overdue() {
        return suspensions.overdue(currentUser.get().orElse(null));
    }

    @GetMapping("/api/prepayment/suspensions")
    @Operation(summary = "暂停直接结算 / Suspensions", description = "Both provinces of each and the centre see every step.")
    List<Suspensions.SuspensionState> suspensions() {
        return suspensions.list(currentUser.get().orElse(null));
    }

    record SuspensionBody(String payingProvince, Suspension.Cause cause, String reason) {
    }

    @PostMapping("/api/prepayment/suspensions")
    @Operation(summary = "申请暂停参保地直接结算（第二十四条）/ Request a suspension",
            description = "The receiving province's prepayment officers; cause CLEARING, PREPAYMENT or TOP_UP, which must be overdue now.")
    Suspensions.SuspensionState request(@RequestBody SuspensionBody body) {
        return suspensions.request(currentUser.get().orElse(null), body.payingProvince(), body.cause(), body.reason());
    }

    record DecisionBody(boolean suspend, String note) {
    }

    @PostMapping("/api/prepayment/suspensions/{id}/decision")
    @Operation(summary = "部级经办机构决定暂停或不予暂停 / The centre decides", description = "Suspended from today (China).")
    Suspensions.SuspensionState decide(@PathVariable String id, @RequestBody DecisionBody body) {
        return suspensionFound(suspensions.decide(currentUser.get().orElse(null), id, body.suspend(), body.note()));
    }

    @PostMapping("/api/prepayment/suspensions/{id}/resumption")
    @Operation(summary = "恢复直接结算 / The centre resumes direct settlement", description = "Accepted again from today (China).")
    Suspensions.SuspensionState resume(@PathVariable String id) {
        return suspensionFound(suspensions.resume(currentUser.get().orElse(null), id));
    }

    private static TopUps.TopUpState found(Optional<TopUps.TopUpState> answer) {
        return answer.orElseThrow(() -> new NotFound("任务不存在或无权办理", "No such task, or not yours"));
    }

    private static Suspensions.SuspensionState suspensionFound(Optional<Suspensions.SuspensionState> answer) {
        return answer.orElseThrow(() -> new NotFound("该申请不存在", "No such request"));
    }
}
