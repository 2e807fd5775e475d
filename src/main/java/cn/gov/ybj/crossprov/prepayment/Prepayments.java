package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.clearing.ClearingFinance;
import cn.gov.ybj.crossprov.clearing.ClearingMonthConfirmed;
import cn.gov.ybj.crossprov.clearing.PairAmount;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prepayment fund's quotas and usage (003 第十六–二十条): the centre's yearly run (one per year)
 * sets each pair's quota to two months of last year's clearing amounts; each confirmed clearing month
 * measures each pair's usage and warns; a red warning opens an emergency top-up ({@link TopUps}).
 */
@Service
public class Prepayments {

    private static final Logger log = LoggerFactory.getLogger(Prepayments.class);

    /**
     * A pair as an officer sees it: the quota and what it is made of (附件4, 4-1), the prepayment now, the
     * last usage and its band, and the usage of every month measured.
     */
    public record PairState(int year, String payingProvince, String payingName, String receivingProvince, String receivingName,
                            Money basis, Money quota, Money previousQuota, Money adjustment, Money topUps, Money prepayment,
                            YearMonth usageMonth, Money usageAmount, BigDecimal usage, Warning warning,
                            List<PrepaymentPair.MonthUsage> months) {
    }

    /** The year's run: who and when, and its pairs. */
    public record YearState(int year, PrepaymentYear.Kind kind, int basisYear, String runBy, Instant runAt, List<PairState> pairs) {
    }

    private final PrepaymentYearRepository years;
    private final PrepaymentPairRepository pairs;
    private final ClearingFinance clearing;
    private final UsageRule rule;
    private final TopUps topUps;
    private final YearFinances finances;
    private final Divisions divisions;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    Prepayments(PrepaymentYearRepository years, PrepaymentPairRepository pairs, ClearingFinance clearing, UsageRule rule,
                TopUps topUps, YearFinances finances, Divisions divisions, PlatformTransactionManager transactions) {
        this.years = years;
        this.pairs = pairs;
        this.clearing = clearing;
        this.rule = rule;
        this.topUps = topUps;
        this.finances = finances;
        this.divisions = divisions;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /**
     * 第十八条: the centre sets the year's quotas — for each pair, two months of last year's confirmed
     * clearing amounts (附件4), with last year's prepayment including its top-ups for the adjustment (附件4-1,
     * 4-2). Once per year: a second run, also one at the same moment, is refused.
     */
    public YearState runYear(AppUser centre, int year) {
        if (centre == null || !centre.isNationalCentre() || !centre.hasRole(Roles.OFFICER) || !centre.hasRole(Roles.PREPAYMENT)) {
            throw new AccessDeniedException("预付金额度由部级经办机构预付金岗核定 / the quotas are set by the national centre's prepayment officers");
        }
        requireYear(year);
        runYearAs(centre.account(), year);
        return year(centre, year).orElseThrow();
    }

    static void requireYear(int year) {
        int current = YearMonth.now(ChinaTime.ZONE).getYear();
        if (year < 2017 || year > current + 1) {
            throw new BusinessRuleException("预付金年度应在 2017 至 " + (current + 1) + " 之间：" + year,
                    "The prepayment year must be 2017–" + (current + 1) + ": " + year);
        }
    }

    /** Whether the year's quotas have been set. */
    boolean hasRun(int year) {
        return years.existsById(year);
    }

    /** The run itself, for the centre's officer or the January timer ({@code by}). */
    void runYearAs(String by, int year) {
        try {
            tx.executeWithoutResult(status -> {
                if (years.existsById(year)) {
                    throw alreadyRun(year);
                }
                years.saveAndFlush(new PrepaymentYear(year, PrepaymentYear.Kind.YEARLY, by, now()));
                Map<String, Money> basis = new TreeMap<>();
                for (int m = 1; m <= 12; m++) {
                    for (PairAmount p : clearing.pairAmounts(YearMonth.of(year - 1, m))) {
                        basis.merge(p.payer() + "/" + p.receiver(), p.amount(), Money::plus);
                    }
                }
                Map<String, Money> previous = new HashMap<>();
                for (PrepaymentPair p : pairs.findByYearOrderByPayingProvinceAscReceivingProvinceAsc(year - 1)) {
                    previous.put(p.getPayingProvince() + "/" + p.getReceivingProvince(), p.getPrepayment());
                    basis.putIfAbsent(p.getPayingProvince() + "/" + p.getReceivingProvince(), Money.ZERO);
                }
                basis.forEach((key, amount) -> {
                    String[] pq = key.split("/");
                    pairs.save(new PrepaymentPair(year, pq[0], pq[1], amount, previous.getOrDefault(key, Money.ZERO)));
                });
                pairs.flush();
                finances.start(year);
                log.info("Prepayment {}: quotas of {} pairs set by {} from the clearing of {}", year, basis.size(), by, year - 1);
            });
        } catch (DataIntegrityViolationException e) {
            throw alreadyRun(year);
        }
    }

    private static BusinessRuleException alreadyRun(int year) {
        return new BusinessRuleException(year + " 年度预付金额度已核定，不能重复核定",
                "The prepayment quotas of " + year + " have already been set: once per year");
    }

    /** The year for the officer: the centre every pair, a province the pairs it pays or receives in. Empty before the run. */
    public Optional<YearState> year(AppUser officer, int year) {
        String own = requireOfficer(officer);
        return readTx.execute(status -> years.findById(year).map(y -> new YearState(y.getYear(), y.getKind(), y.getBasisYear(), y.getRunBy(),
                y.getRunAt(), pairs.findByYearOrderByPayingProvinceAscReceivingProvinceAsc(year).stream()
                        .filter(p -> own == null || own.equals(p.getPayingProvince()) || own.equals(p.getReceivingProvince()))
                        .map(this::state).toList())));
    }

    /**
     * 第二十条: a clearing month is confirmed — each pair's usage of the month against its prepayment now; red
     * opens a top-up for the receiving province unless one is open. Pairs without a prepayment that year are
     * left out (logged): there is nothing to measure against.
     */
    @EventListener
    public void measure(ClearingMonthConfirmed confirmed) {
        YearMonth month = confirmed.month();
        List<String> missing = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (PairAmount a : clearing.pairAmounts(month)) {
                Optional<PrepaymentPair> found = pairs.findByYearAndPayingProvinceAndReceivingProvince(month.getYear(), a.payer(), a.receiver());
                if (found.isEmpty()) {
                    missing.add(a.payer() + "→" + a.receiver());
                    continue;
                }
                PrepaymentPair pair = pairs.lock(found.get().getId()).orElseThrow();
                if (pair.measured(month, a.amount(), rule, now()) == Warning.RED) {
                    topUps.openForRedWarning(pair, month);
                }
            }
        });
        if (!missing.isEmpty()) {
            log.warn("Prepayment usage of {}: no prepayment of {} for {} pairs ({}): not measured", month, month.getYear(),
                    missing.size(), missing.size() > 5 ? missing.subList(0, 5) + " …" : missing);
        }
    }

    PairState state(PrepaymentPair p) {
        return new PairState(p.getYear(), p.getPayingProvince(), name(p.getPayingProvince()), p.getReceivingProvince(),
                name(p.getReceivingProvince()), p.getBasis(), p.getQuota(), p.getPreviousQuota(), p.getAdjustment(), p.getTopUps(),
                p.getPrepayment(), p.getUsageMonth(), p.getUsageAmount(), p.getUsage(), p.getWarning(), List.copyOf(p.getMonths()));
    }

    String name(String province) {
        return divisions.name(province).orElse(province);
    }

    /** The officer's province, or null for the centre; anyone but an officer is refused. */
    static String requireOfficer(AppUser officer) {
        if (officer == null || !officer.hasRole(Roles.OFFICER) || officer.unitCode() == null) {
            throw new AccessDeniedException("预付金仅限省级及部级经办机构查看 / the prepayment fund is for provincial and national officers");
        }
        return officer.isNationalCentre() ? null : officer.unitCode();
    }

    /** the engine's clock, so that tests moving it move the deadlines too */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
