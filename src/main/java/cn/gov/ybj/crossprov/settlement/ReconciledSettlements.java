package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.settlement.internal.ReconciliationStore;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What monthly clearing takes from the settlements: the <b>settled</b> settlements of a discharge
 * month, summed in SQL by 参保地 × 就医地 × 险种 and split by whether they are <b>reconciled</b> — the
 * hospital's ledger line for the settlement (its discharge day) agrees in status and amounts, i.e.
 * the medical area confirmed it with the hospital (003 第三十一条) — which is what the national centre
 * clears (第三十四条). Reversed settlements are left out. The groups are sums (by 参保地 or by 就医地,
 * see {@link Group}), never the settlements themselves: the month stays in the database.
 *
 * <p>The sums are kept per discharge day ({@code app.settlement_day_group}): a day is summed once it
 * is over — every night for the days before, and again whenever a day changed (an upload, a reversal,
 * a hospital's ledger, a bulk load) — so that a month adds up some 30 days of groups instead of reading
 * 25 million settlements and their funds again (docs/settlement.md, <i>Day sums</i>). The same sums
 * serve the officers' 日对账, so the days of the last two months are also kept summed as they go,
 * today included, every minute ({@link #keepCurrent}).
 */
@Service
public class ReconciledSettlements {

    private static final Logger log = LoggerFactory.getLogger(ReconciledSettlements.class);
    /** how far back the nightly run looks for changed days: two months covers every month not yet cleared */
    static final int NIGHTLY_DAYS_BACK = 62;

    private final ReconciliationStore store;
    /** a connection per day summed, never the caller's: clearing asks inside its own transaction */
    private final DataSource dataSource;
    private final DailyReconciliation reconciliation;
    private final boolean keepRecentDaysCurrent;

    ReconciledSettlements(ReconciliationStore store, DataSource dataSource, DailyReconciliation reconciliation,
                          @Value("${app.settlement.keep-days-current:true}") boolean keepRecentDaysCurrent) {
        this.store = store;
        this.dataSource = dataSource;
        this.reconciliation = reconciliation;
        this.keepRecentDaysCurrent = keepRecentDaysCurrent;
    }

    /**
     * One group of a month's settled settlements, of one of two kinds — each settlement is in one group of
     * each: by 参保地 ({@code medicalArea} null), with the funds; or by 就医地 ({@code insuredArea} null),
     * {@code funds} empty. Both areas together would give nearly a group per settlement.
     *
     * @param settlements how many settlements
     * @param fundsTotal  the sum of their 基金支付合计 (what the insured area's funds pay: the amount cleared)
     * @param funds       the same money per fund code of the settlements' {@code funds} (POOLING, LARGE_AMOUNT …),
     *                    summed; it adds up to {@code fundsTotal} for settlements the upload API stored
     */
    public record Group(String insuredArea, String insuredProvince, String medicalArea, String medicalProvince,
                        InsuranceType insuranceType, boolean reconciled, long settlements, Money fundsTotal,
                        Map<String, Money> funds) {
    }

    /**
     * Hands each group of the discharge month to {@code each}, in no particular order. The month's days
     * not yet summed, or changed since, are summed first, each in its own transaction. Call it inside a
     * transaction: the rows are then fetched in batches instead of all at once.
     */
    public void ofMonth(YearMonth month, Consumer<Group> each) {
        closeDays(month.atDay(1), month.atEndOfMonth(), true);
        store.monthGroups(month.atDay(1), each);
    }

    /**
     * Sums the days from {@code from} to {@code to} that were never summed or changed since; {@code wait}
     * false skips a day another node is summing. Returns how many days were summed.
     */
    public int closeDays(LocalDate from, LocalDate to, boolean wait) {
        int closed = 0;
        for (LocalDate day : store.daysToClose(from, to)) {
            if (closeDay(day, wait)) {
                closed++;
            }
        }
        return closed;
    }

    private boolean closeDay(LocalDate day, boolean wait) {
        try (Connection c = dataSource.getConnection()) {
            return store.closeDay(c, day, wait, DailyReconciliation.MAX_MISMATCHES_LISTED);
        } catch (SQLException e) {
            throw new IllegalStateException("settlement day sums of " + day + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #keepCurrent} did: days summed as a whole, days whose changed institutions were summed again. */
    public record DaysKept(int summed, int refreshed) {
    }

    /**
     * Keeps the stored 日对账 of the days from {@code from} to {@code to} current, so that an officer's view
     * reads sums instead of joining the day (~800,000 settlements at 25 M a month): a day never summed, or
     * changed as a whole, is summed (skipped while another node sums it) — the current day from its first
     * minutes on, while it is small — and a summed day changed since by institutions gets those
     * institutions summed again, a few hundred settlements each. The day's groups for clearing wait for
     * the nightly summing as before.
     */
    public DaysKept keepCurrent(LocalDate from, LocalDate to) {
        int summed = 0;
        int refreshed = 0;
        for (Map.Entry<LocalDate, ReconciliationStore.DayState> day : store.statesOf(from, to).entrySet()) {
            switch (day.getValue()) {
                case JOIN -> summed += closeDay(day.getKey(), false) ? 1 : 0;
                case CHANGED -> refreshed += reconciliation.storedIsCurrent(day.getKey()) ? 1 : 0;
                case CURRENT -> { }
            }
        }
        return new DaysKept(summed, refreshed);
    }

    /** Every minute ({@code app.settlement.day-sums-every}), the last two months' days up to today. */
    @Scheduled(initialDelayString = "${app.settlement.day-sums-every:PT1M}", fixedDelayString = "${app.settlement.day-sums-every:PT1M}")
    void keepRecentDaysCurrent() {
        if (!keepRecentDaysCurrent) {
            return;
        }
        LocalDate today = ChinaTime.today();
        long start = System.nanoTime();
        DaysKept kept = keepCurrent(today.minusDays(NIGHTLY_DAYS_BACK - 1), today);
        if (kept.summed() > 0) {
            log.info("Settlement day sums: {} day(s) summed, {} brought up to date in {} ms", kept.summed(), kept.refreshed(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Every night (China time), the days before today that changed in the last two months. */
    @Scheduled(cron = "${app.settlement.day-sums-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void closeChangedDays() {
        LocalDate yesterday = ChinaTime.today().minusDays(1);
        long start = System.nanoTime();
        int closed = closeDays(yesterday.minusDays(NIGHTLY_DAYS_BACK - 1), yesterday, false);
        log.info("Settlement day sums: {} day(s) summed in {} ms", closed, (System.nanoTime() - start) / 1_000_000);
    }
}
