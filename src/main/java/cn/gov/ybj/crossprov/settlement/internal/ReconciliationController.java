package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.settlement.DailyReconciliation;
import cn.gov.ybj.crossprov.settlement.Reconciliation;
import cn.gov.ybj.crossprov.settlement.ReconciliationCsv;
import cn.gov.ybj.crossprov.settlement.SettlementLedger;
import cn.gov.ybj.crossprov.settlement.SettlementRefusal;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * 日对账 (003 第二十九条): the hospitals send their ledger of a day ({@code /api/hospital/**}, role HOSPITAL);
 * provincial and national officers read the day's reconciliation as JSON or CSV.
 */
@RestController
@Tag(name = "日对账 / Daily reconciliation")
class ReconciliationController {

    private final CurrentUser currentUser;
    private final DailyReconciliation reconciliation;
    private final DivisionNames divisions;

    ReconciliationController(CurrentUser currentUser, DailyReconciliation reconciliation, DivisionNames divisions) {
        this.currentUser = currentUser;
        this.reconciliation = reconciliation;
        this.divisions = divisions;
    }

    @PutMapping(value = "/api/hospital/ledgers/{date}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报送本机构某日的对账单（替换此前报送）/ Send this institution's ledger of a day (replaces an earlier one)",
            description = "Every settlement with a discharge on that day as the hospital booked it: settlementNo, insuredAreaCode, "
                    + "status SETTLED | REVERSED, total = fundsTotal + personalCash. Answers the institution's reconciliation of the day.")
    Reconciliation submit(@PathVariable String date, @RequestBody SettlementLedger body) {
        return reconciliation.submitLedger(currentUser.get().orElse(null), parse(date), body);
    }

    @GetMapping("/api/hospital/ledgers/{date}")
    @Operation(summary = "本机构某日的对账结果 / This institution's reconciliation of a day")
    Reconciliation ofInstitution(@PathVariable String date) {
        return reconciliation.ofInstitution(currentUser.get().orElse(null), parse(date));
    }

    @GetMapping("/api/reconciliation/days/{date}")
    @Operation(summary = "日对账：本省（部级：全国）各省对的笔数与金额及不符明细 / The day's reconciliation of the officer's province",
            description = "Provincial officers: the pairs their province is on, as medical or insured province; the national centre: all.")
    Reconciliation officersDay(@PathVariable String date) {
        return reconciliation.day(currentUser.get().orElse(null), parse(date));
    }

    @GetMapping(value = "/api/reconciliation/days/{date}/export.csv", produces = "text/csv")
    @Operation(summary = "日对账导出（CSV，Excel 可直接打开）/ The day's reconciliation as CSV for Excel")
    ResponseEntity<byte[]> csv(@PathVariable String date, @RequestParam(defaultValue = "zh") String lang) {
        Reconciliation r = reconciliation.day(currentUser.get().orElse(null), parse(date));
        byte[] body = ReconciliationCsv.of(r, Locale.forLanguageTag(lang), code -> divisions.name(code).orElse(code));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ReconciliationCsv.fileName(r), StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw SettlementRefusal.badInput("date", "日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        }
    }
}
