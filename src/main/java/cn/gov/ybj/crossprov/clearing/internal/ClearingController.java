package cn.gov.ybj.crossprov.clearing.internal;

import cn.gov.ybj.crossprov.clearing.ClearingExports;
import cn.gov.ybj.crossprov.clearing.ClearingFinance;
import cn.gov.ybj.crossprov.clearing.ClearingMatrix;
import cn.gov.ybj.crossprov.clearing.ClearingNotices;
import cn.gov.ybj.crossprov.clearing.ClearingSummary;
import cn.gov.ybj.crossprov.clearing.ClearingTable;
import cn.gov.ybj.crossprov.clearing.ClearingTasks;
import cn.gov.ybj.crossprov.clearing.MonthlyClearing;
import cn.gov.ybj.crossprov.clearing.TableKind;
import cn.gov.ybj.crossprov.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 月度清算, reading (003 第三十四条): the month, 附件7 and a province's tables 7-1 … 7-6 as JSON, for
 * officers; a provincial officer gets only their province (another province's tables 403). Months not
 * generated 404; a malformed month, province or table 400. The month's case: the centre starts it, the
 * officers work its tasks ({@link ClearingTasks}); a task that is not the officer's 404.
 */
@RestController
@Tag(name = "月度清算 / Monthly clearing")
class ClearingController {

    private final CurrentUser currentUser;
    private final MonthlyClearing clearing;
    private final ClearingTasks tasks;
    private final ClearingNotices notices;
    private final ClearingExports exports;
    private final ClearingFinance finance;

    ClearingController(CurrentUser currentUser, MonthlyClearing clearing, ClearingTasks tasks, ClearingNotices notices,
                       ClearingExports exports, ClearingFinance finance) {
        this.finance = finance;
        this.currentUser = currentUser;
        this.clearing = clearing;
        this.tasks = tasks;
        this.notices = notices;
        this.exports = exports;
    }

    record Problem(String messageZh, String messageEn) {
    }

    /** 404 and 400 of this controller, bilingual like every refusal of the API. */
    static final class Refusal extends RuntimeException {
        final HttpStatus status;
        final Problem problem;

        Refusal(HttpStatus status, String zh, String en) {
            super(en);
            this.status = status;
            this.problem = new Problem(zh, en);
        }
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Problem> refused(Refusal e) {
        return ResponseEntity.status(e.status).body(e.problem);
    }

    @GetMapping("/api/clearing/{month}")
    @Operation(summary = "清算月份：状态、生成人与时间、各省确认情况 / A clearing month: status, generation, the provinces' confirmations",
            description = "National centre: every province, every dispute and the national figures; a provincial officer: "
                    + "their province and the disputes on its pairs.")
    ClearingSummary month(@PathVariable String month) {
        return found(clearing.month(currentUser.get().orElse(null), parse(month)), month);
    }

    @GetMapping("/api/clearing/{month}/matrix")
    @Operation(summary = "附件7 全国跨省异地就医费用清算表（收款省 × 付款省）/ The national matrix (receiving × paying province)",
            description = "National centre: every cell and total; a provincial officer: their province's row and column.")
    ClearingMatrix matrix(@PathVariable String month) {
        return found(clearing.matrix(currentUser.get().orElse(null), parse(month)), month);
    }

    @GetMapping("/api/clearing/{month}/provinces/{province}/tables/{table}")
    @Operation(summary = "附件7-1 … 7-6：某省的清算表 / A province's clearing table 7-1 … 7-6",
            description = "table: PAYABLE (7-1), EMPLOYEE_FUNDS (7-2), RESIDENT_FUNDS (7-3), EMPLOYEE_DEDUCTIONS (7-4), "
                    + "RESIDENT_DEDUCTIONS (7-5), RECEIVABLE (7-6), or the annex number. rows=PROVINCES (the seed's layout) "
                    + "or AREAS (the province's pooling areas); area= one pooling area of the province. Provincial officers: "
                    + "their own province only. The same with .xlsx or .pdf after the table: the file to download.")
    ClearingTable table(@PathVariable String month, @PathVariable String province, @PathVariable String table,
                        @RequestParam(defaultValue = "PROVINCES") String rows, @RequestParam(required = false) String area) {
        TableKind kind = TableKind.parse(table).orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST,
                "参数 table（清算表）应为 PAYABLE、EMPLOYEE_FUNDS、RESIDENT_FUNDS、EMPLOYEE_DEDUCTIONS、RESIDENT_DEDUCTIONS、RECEIVABLE 或 7-1 … 7-6",
                "table must be PAYABLE, EMPLOYEE_FUNDS, RESIDENT_FUNDS, EMPLOYEE_DEDUCTIONS, RESIDENT_DEDUCTIONS, RECEIVABLE or 7-1 … 7-6"));
        ClearingTable.TableRows rowsBy;
        try {
            rowsBy = ClearingTable.TableRows.valueOf(rows.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "rows 应为 PROVINCES 或 AREAS", "rows must be PROVINCES or AREAS");
        }
        if (!province.matches("[0-9]{2}0000")) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "参数 province（省份）应为 6 位省级行政区划代码", "province must be a 6-digit province code");
        }
        if (area != null && !area.matches("[0-9]{6}")) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "area 应为 6 位行政区划代码", "area must be a 6-digit division code");
        }
        return found(clearing.table(currentUser.get().orElse(null), parse(month), kind, province, rowsBy, area), month);
    }

    @GetMapping("/api/clearing/{month}/provinces/{province}/tables/{table}.xlsx")
    @Operation(summary = "某省的清算表（Excel）/ A province's clearing table as .xlsx")
    ResponseEntity<byte[]> tableXlsx(@PathVariable String month, @PathVariable String province, @PathVariable String table,
                                     @RequestParam(defaultValue = "PROVINCES") String rows, @RequestParam(required = false) String area) {
        ClearingTable t = table(month, province, table, rows, area);
        return file(exports.xlsx(t), XLSX, month + "-" + province + "-" + t.kind().annex() + ".xlsx");
    }

    @GetMapping("/api/clearing/{month}/provinces/{province}/tables/{table}.pdf")
    @Operation(summary = "某省的清算表（PDF）/ A province's clearing table as PDF")
    ResponseEntity<byte[]> tablePdf(@PathVariable String month, @PathVariable String province, @PathVariable String table,
                                    @RequestParam(defaultValue = "PROVINCES") String rows, @RequestParam(required = false) String area) {
        ClearingTable t = table(month, province, table, rows, area);
        return file(exports.pdf(t), MediaType.APPLICATION_PDF, month + "-" + province + "-" + t.kind().annex() + ".pdf");
    }

    @GetMapping("/api/clearing/{month}/matrix.xlsx")
    @Operation(summary = "附件7（Excel）/ The national matrix as .xlsx", description = "A provincial officer: their row and column.")
    ResponseEntity<byte[]> matrixXlsx(@PathVariable String month) {
        return file(exports.xlsx(matrix(month)), XLSX, month + "-matrix.xlsx");
    }

    @GetMapping("/api/clearing/{month}/matrix.pdf")
    @Operation(summary = "附件7（PDF）/ The national matrix as PDF", description = "A provincial officer: their row and column.")
    ResponseEntity<byte[]> matrixPdf(@PathVariable String month) {
        return file(exports.pdf(matrix(month)), MediaType.APPLICATION_PDF, month + "-matrix.pdf");
    }

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A download: attachment (xlsx) or inline (pdf), with an ASCII file name. */
    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        ContentDisposition disposition = (type.equals(MediaType.APPLICATION_PDF) ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(name).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(bytes);
    }

    @GetMapping(value = "/api/clearing/{month}/provinces/{province}/notices/{kind}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "付款通知书（附件8）/ 收款通知书（附件9）/ A province's payment or receipt notice (PDF)",
            description = "kind: payment | receipt. Published when every province has confirmed the month (422 before); "
                    + "a provincial officer gets their own province's only.")
    ResponseEntity<byte[]> notice(@PathVariable String month, @PathVariable String province, @PathVariable String kind) {
        ClearingNotices.Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "payment" -> ClearingNotices.Kind.PAYMENT;
            case "receipt" -> ClearingNotices.Kind.RECEIPT;
            default -> throw new Refusal(HttpStatus.BAD_REQUEST, "通知书应为 payment 或 receipt", "kind must be payment or receipt");
        };
        if (!province.matches("[0-9]{2}0000")) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "参数 province（省份）应为 6 位省级行政区划代码", "province must be a 6-digit province code");
        }
        return file(found(notices.pdf(currentUser.get().orElse(null), parse(month), province, k), month),
                MediaType.APPLICATION_PDF, month + "-" + province + "-" + kind.toLowerCase(Locale.ROOT) + ".pdf");
    }

    // --- the clearing case: starting a month, the officers' tasks

    @PostMapping("/api/clearing/{month}/case")
    @Operation(summary = "部级经办机构生成清算表并启动本月清算流程 / The national centre generates the month's tables and starts its case",
            description = "Instead of waiting for the timer (the generation day, before the 21st). Once per month; only a month "
                    + "that has ended. Each province with amounts gets its confirmation task, due the 25th of the next month.")
    ClearingSummary start(@PathVariable String month) {
        return tasks.start(currentUser.get().orElse(null), parse(month));
    }

    @GetMapping("/api/clearing/tasks")
    @Operation(summary = "本单位的清算待办 / The clearing tasks of the officer's unit",
            description = "A province's clearing officers: its confirmations (CONFIRM_TABLES) and reports to the centre; its "
                    + "finance officers: the finance steps (FINANCE, with step). The centre: disputes to resolve "
                    + "(RESOLVE_DISPUTES) and every task escalated past its deadline. Escalated first.")
    List<ClearingTasks.ClearingTask> openTasks() {
        return tasks.open(currentUser.get().orElse(null));
    }

    @PostMapping("/api/clearing/tasks/{taskId}/confirmation")
    @Operation(summary = "确认本省清算表 / Confirm the province's clearing tables")
    ClearingSummary confirm(@PathVariable String taskId) {
        return taskFound(tasks.confirm(currentUser.get().orElse(null), taskId));
    }

    record DisputeBody(List<ClearingTasks.DisputeRequest> disputes) {
    }

    @PostMapping("/api/clearing/tasks/{taskId}/disputes")
    @Operation(summary = "对省份间清算提出异议 / Dispute one or more province pairs",
            description = "Body: {\"disputes\": [{\"pairProvince\": \"110000\", \"reason\": \"…\"}]}. The centre then resolves them; "
                    + "the province confirms after.")
    ClearingSummary dispute(@PathVariable String taskId, @RequestBody DisputeBody body) {
        return taskFound(tasks.dispute(currentUser.get().orElse(null), taskId, body.disputes()));
    }

    record ResolutionBody(List<ClearingTasks.ResolutionRequest> resolutions) {
    }

    @PostMapping("/api/clearing/tasks/{taskId}/resolution")
    @Operation(summary = "部级经办机构处理异议 / The national centre resolves a province's disputes",
            description = "Body: {\"resolutions\": [{\"pairProvince\": \"110000\", \"resolution\": \"REGENERATED\" | \"CARRIED_OVER\", "
                    + "\"note\": \"…\"}]}, one per open dispute of the task's province.")
    ClearingSummary resolve(@PathVariable String taskId, @RequestBody ResolutionBody body) {
        return taskFound(tasks.resolve(currentUser.get().orElse(null), taskId, body.resolutions()));
    }

    @GetMapping("/api/clearing/{month}/finance")
    @Operation(summary = "清算资金：各省提交财政、划拨、反馈、到账、上解/下拨 / The month's money: each province's finance steps",
            description = "After the notices (003 第三十六、三十七条). Per province: what it pays and receives, each step with its "
                    + "working-day deadline, who did it and when; its pairs both ways with their status (AWAITING_HAND_OVER, "
                    + "AWAITING_TRANSFER, TRANSFERRED, RECEIVED) and overdue when the paying side is past its deadline. "
                    + "A provincial officer: their own province; the centre: every province. Empty before the notices.")
    List<ClearingFinance.ProvinceFinance> finance(@PathVariable String month) {
        return finance.state(currentUser.get().orElse(null), parse(month));
    }

    record CompletionBody(String note) {
    }

    @PostMapping("/api/clearing/tasks/{taskId}/completion")
    @Operation(summary = "办结清算资金步骤 / Record a finance step as done",
            description = "A task of kind FINANCE of the officer's province and role (finance: hand-over, transfer, written "
                    + "feedback, receipt, pooling areas; clearing: the report to the centre). Body (optional): "
                    + "{\"note\": \"财政划拨凭证号 …\"}, at most 200 characters. Confirming receipt needs every paying "
                    + "province's transfer. Answers the province's money as GET …/finance does.")
    List<ClearingFinance.ProvinceFinance> complete(@PathVariable String taskId, @RequestBody(required = false) CompletionBody body) {
        return tasks.complete(currentUser.get().orElse(null), taskId, body == null ? null : body.note())
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "任务不存在或无权办理", "No such task, or not yours"));
    }

    private static ClearingSummary taskFound(Optional<ClearingSummary> answer) {
        return answer.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "任务不存在或无权办理", "No such task, or not yours"));
    }

    private static <T> T found(Optional<T> value, String month) {
        return value.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, month + " 的清算表尚未生成",
                "The clearing tables of " + month + " have not been generated"));
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "参数 month（清算所属月份）格式应为 YYYY-MM", "month must be YYYY-MM");
        }
    }
}
