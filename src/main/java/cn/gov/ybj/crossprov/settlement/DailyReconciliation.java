package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.settlement.internal.ReconciliationStore;
import cn.gov.ybj.crossprov.settlement.internal.ReconciliationStore.LedgerLine;
import cn.gov.ybj.crossprov.settlement.internal.ReconciliationStore.Scope;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 日对账 (003 第二十九条): each hospital sends its ledger of a day (every settlement it booked with a
 * discharge on that day, as it booked it); the day is compared, per 就医省 × 参保省, with the settlements
 * as the insured area computed them. Provincial officers see the pairs their province is on (either
 * side), the national centre every pair. A settlement is <b>reconciled</b> when the hospital's line and
 * the stored settlement agree in status and amounts; monthly clearing takes only those.
 * <p>
 * The day is the discharge date (出院结算日): settlements are made at discharge (第二十八条) and stored
 * by it, so one day is one index range of one month partition.
 */
@Service
public class DailyReconciliation {

    public static final int MAX_LEDGER_LINES = 20_000;
    public static final int MAX_MISMATCHES_LISTED = 500;

    private final ReconciliationStore store;
    private final SettlementStore settlements;
    private final DesignatedInstitutions institutions;
    private final TransactionTemplate tx;

    DailyReconciliation(ReconciliationStore store, SettlementStore settlements, DesignatedInstitutions institutions,
                        PlatformTransactionManager transactions) {
        this.store = store;
        this.settlements = settlements;
        this.institutions = institutions;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The hospital's ledger of {@code day}, replacing one sent before for that day; answers the
     * institution's reconciliation of the day. Bad input 400 naming the field, nothing stored.
     */
    public Reconciliation submitLedger(AppUser hospital, LocalDate day, SettlementLedger ledger) {
        String institution = HospitalSettlements.institutionOf(hospital);
        checkDay(day);
        Institution networked = institutions.find(institution).orElseThrow(() -> SettlementRefusal.rule(
                SettlementRefusal.INSTITUTION_NOT_NETWORKED,
                "医疗机构 " + institution + " 不是跨省联网定点医疗机构", "Institution " + institution + " is not a cross-province networked designated institution"));
        String medicalProvince = RegionCode.of(networked.divisionCode()).province().code();
        List<LedgerLine> lines = check(ledger, medicalProvince);
        settlements.ensurePartition(day.withDayOfMonth(1));
        tx.executeWithoutResult(status -> store.replaceLedger(institution, day, lines, hospital.account()));
        storedIsCurrent(day); // a day already summed: this institution's rows now, not at the officers' next look
        return reconcile(day, new Scope(institution, null), institution);
    }

    /** The institution's reconciliation of the day (its hospital system). */
    public Reconciliation ofInstitution(AppUser hospital, LocalDate day) {
        String institution = HospitalSettlements.institutionOf(hospital);
        checkDay(day);
        return reconcile(day, new Scope(institution, null), institution);
    }

    /** The day for an officer: their province's pairs (either side), or all for the national centre. */
    public Reconciliation day(AppUser officer, LocalDate day) {
        checkDay(day);
        return reconcile(day, scopeOf(officer), null);
    }

    /** The province an officer reconciles (null: the national centre, all); others are refused. */
    private static Scope scopeOf(AppUser officer) {
        if (officer == null || !officer.hasRole(Roles.OFFICER) || officer.unitCode() == null) {
            throw new AccessDeniedException("日对账仅限省级及部级经办机构 / daily reconciliation is for provincial and national officers");
        }
        return officer.isNationalCentre() ? Scope.ALL : new Scope(null, officer.unitCode());
    }

    private Reconciliation reconcile(LocalDate day, Scope scope, String institution) {
        // an officer's day that is summed is read as stored (the same figures, without the join)
        boolean stored = institution == null && storedIsCurrent(day);
        List<Reconciliation.Pair> pairs = store.pairs(day, scope, stored);
        Reconciliation.Side hospital = Reconciliation.Side.NONE;
        Reconciliation.Side platform = Reconciliation.Side.NONE;
        long mismatches = 0;
        for (Reconciliation.Pair p : pairs) {
            hospital = hospital.plus(p.hospital());
            platform = platform.plus(p.platform());
            mismatches += p.mismatches();
        }
        // the join runs a second time only when something differs (the usual day matches)
        List<Reconciliation.Mismatch> listed = mismatches == 0 ? List.of() : store.mismatches(day, scope, MAX_MISMATCHES_LISTED, stored);
        return new Reconciliation(day, institution, pairs, hospital, platform, mismatches, listed);
    }

    /**
     * Whether the day's stored sums are current, after summing again the institutions that changed it since
     * (also ReconciledSettlements' minute run).
     */
    boolean storedIsCurrent(LocalDate day) {
        return Boolean.TRUE.equals(tx.execute(status -> store.refreshInstitutions(day, MAX_MISMATCHES_LISTED)));
    }

    private static void checkDay(LocalDate day) {
        if (day == null || day.isAfter(ChinaTime.today())) {
            throw SettlementRefusal.badInput("date", "应为今天或以前的日期", "must be today or earlier");
        }
    }

    private static List<LedgerLine> check(SettlementLedger ledger, String medicalProvince) {
        if (ledger == null || ledger.lines() == null) {
            throw SettlementRefusal.badInput("lines", "必填（当日无结算时为空列表）", "is required (an empty list for a day without settlements)");
        }
        if (ledger.lines().size() > MAX_LEDGER_LINES) {
            throw SettlementRefusal.badInput("lines", "最多 " + MAX_LEDGER_LINES + " 行", "at most " + MAX_LEDGER_LINES + " lines");
        }
        List<LedgerLine> lines = new ArrayList<>(ledger.lines().size());
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < ledger.lines().size(); i++) {
            String at = "lines[" + i + "]";
            SettlementLedger.Line l = ledger.lines().get(i);
            if (l == null) {
                throw SettlementRefusal.badInput(at, "必填", "is required");
            }
            String no = HospitalSettlements.requireNumber(at + ".settlementNo", l.settlementNo());
            if (!numbers.add(no)) {
                throw SettlementRefusal.badInput(at + ".settlementNo", "结算单号重复：" + no, "appears twice: " + no);
            }
            String area = l.insuredAreaCode() == null ? "" : l.insuredAreaCode().strip();
            if (!RegionCode.isValid(area)) {
                throw SettlementRefusal.badInput(at + ".insuredAreaCode", "应为 6 位行政区划代码", "must be a 6-digit division code");
            }
            String status = l.status() == null ? "" : l.status().strip();
            if (!status.equals(HospitalSettlement.SETTLED) && !status.equals(HospitalSettlement.REVERSED)) {
                throw SettlementRefusal.badInput(at + ".status", "应为 SETTLED（已结算）或 REVERSED（已冲正）",
                        "must be SETTLED or REVERSED");
            }
            Money total = HospitalSettlements.amount(at + ".total", l.total(), 2);
            Money funds = HospitalSettlements.amount(at + ".fundsTotal", l.fundsTotal(), 2);
            Money cash = HospitalSettlements.amount(at + ".personalCash", l.personalCash(), 2);
            if (!funds.plus(cash).equals(total)) {
                throw SettlementRefusal.badInput(at + ".total", "应等于基金支付合计与个人现金支付之和",
                        "must equal fundsTotal + personalCash");
            }
            lines.add(new LedgerLine(no, medicalProvince, RegionCode.of(area).province().code(), status,
                    total.yuan(), funds.yuan(), cash.yuan()));
        }
        return lines;
    }
}
