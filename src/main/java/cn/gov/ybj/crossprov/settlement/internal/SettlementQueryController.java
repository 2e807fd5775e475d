package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.HospitalSettlement;
import cn.gov.ybj.crossprov.settlement.SettlementQueries;
import cn.gov.ybj.crossprov.settlement.SettlementRefusal;
import cn.gov.ybj.crossprov.settlement.SettlementSummary;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** 跨省异地就医结算信息查询 for insured persons (own and linked family) and clerks (their area). */
@RestController
@Tag(name = "结算信息查询 / Settlement query")
class SettlementQueryController {

    private final CurrentUser currentUser;
    private final SettlementQueries queries;

    SettlementQueryController(CurrentUser currentUser, SettlementQueries queries) {
        this.currentUser = currentUser;
        this.queries = queries;
    }

    @GetMapping("/api/settlements")
    @Operation(summary = "结算记录：参保人本人及关联家属；经办人员本统筹区（出院日期范围）/ Settlements: own and family; a clerk's area",
            description = "Clerks: from, to (YYYY-MM-DD, default the 1st of last month to today, at most 366 days), idNumber (optional, exact).")
    List<SettlementSummary> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String idNumber) {
        AppUser user = currentUser.get().orElse(null);
        if (user != null && user.hasRole(Roles.INSURED)) {
            return queries.ofInsured(user);
        }
        if (user != null && user.hasRole(Roles.CLERK)) {
            return queries.ofArea(user, date("from", from, SettlementQueries.defaultFrom()), date("to", to, ChinaTime.today()), idNumber);
        }
        throw new AccessDeniedException("结算信息查询仅限参保人及经办人员 / for insured persons and clerks");
    }

    @GetMapping("/api/settlements/{institutionCode}/{settlementNo}")
    @Operation(summary = "一笔结算及其分割（本人、家属或本统筹区）/ One settlement with its split, if it is yours to see")
    HospitalSettlement find(@PathVariable String institutionCode, @PathVariable String settlementNo) {
        return queries.find(currentUser.get().orElse(null), institutionCode, settlementNo)
                .orElseThrow(() -> new SettlementRefusal(404, SettlementRefusal.NOT_FOUND, null,
                        "没有可查看的该笔结算", "No such settlement for you to see"));
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw SettlementRefusal.badInput(field, "日期格式应为 YYYY-MM-DD", "must be a date YYYY-MM-DD");
        }
    }
}
