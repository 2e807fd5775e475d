package cn.gov.ybj.crossprov.clearing.internal;

import cn.gov.ybj.crossprov.clearing.ClearingMatrix;
import cn.gov.ybj.crossprov.clearing.ClearingSummary;
import cn.gov.ybj.crossprov.clearing.ClearingTable;
import cn.gov.ybj.crossprov.clearing.MonthlyClearing;
import cn.gov.ybj.crossprov.clearing.TableKind;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * 月度清算, reading (003 第三十四条): the month, 附件7 and a province's tables 7-1 … 7-6 as JSON, for
 * officers; a provincial officer gets only their province (another province's tables 403). Months not
 * generated 404; a malformed month, province or table 400. Generating, confirming and disputing are
 * service calls of the coming clearing process and screens ({@link MonthlyClearing}).
 */
@RestController
@Tag(name = "月度清算 / Monthly clearing")
class ClearingController {

    private final CurrentUser currentUser;
    private final MonthlyClearing clearing;

    ClearingController(CurrentUser currentUser, MonthlyClearing clearing) {
        this.currentUser = currentUser;
        this.clearing = clearing;
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
                    + "their own province only.")
    ClearingTable table(@PathVariable String month, @PathVariable String province, @PathVariable String table,
                        @RequestParam(defaultValue = "PROVINCES") String rows, @RequestParam(required = false) String area) {
        TableKind kind = TableKind.parse(table).orElseThrow(() -> new Refusal(HttpStatus.BAD_REQUEST,
                "清算表应为 PAYABLE、EMPLOYEE_FUNDS、RESIDENT_FUNDS、EMPLOYEE_DEDUCTIONS、RESIDENT_DEDUCTIONS、RECEIVABLE 或 7-1 … 7-6",
                "table must be PAYABLE, EMPLOYEE_FUNDS, RESIDENT_FUNDS, EMPLOYEE_DEDUCTIONS, RESIDENT_DEDUCTIONS, RECEIVABLE or 7-1 … 7-6"));
        ClearingTable.TableRows rowsBy;
        try {
            rowsBy = ClearingTable.TableRows.valueOf(rows.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "rows 应为 PROVINCES 或 AREAS", "rows must be PROVINCES or AREAS");
        }
        if (!province.matches("[0-9]{2}0000")) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "省份应为 6 位省级行政区划代码", "province must be a 6-digit province code");
        }
        if (area != null && !area.matches("[0-9]{6}")) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "area 应为 6 位行政区划代码", "area must be a 6-digit division code");
        }
        return found(clearing.table(currentUser.get().orElse(null), parse(month), kind, province, rowsBy, area), month);
    }

    private static <T> T found(Optional<T> value, String month) {
        return value.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, month + " 的清算表尚未生成",
                "The clearing tables of " + month + " have not been generated"));
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "清算所属月份格式应为 YYYY-MM", "month must be YYYY-MM");
        }
    }
}
