package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 第十七条, the prepayment's first year: each paying province's prepayment officers report what they will
 * advance each receiving province; the centre confirms them all at once, which sets the year's quotas (the
 * year's kind {@code INITIAL}: 付款/收款通知书 附件2/3 instead of 4-1/4-2) and starts the provinces' transfers
 * ({@link YearFinances}). Only for a year after one without quotas: where last year had quotas, this year's
 * are set from it (第十八条).
 */
@Service
public class InitialQuotas {

    private static final Logger log = LoggerFactory.getLogger(InitialQuotas.class);

    /** A province's report as an officer sees it: the lines are those the officer may see. */
    public record Report(int year, String payingProvince, String payingName, String reportedBy, Instant reportedAt,
                         List<Line> lines) {
    }

    public record Line(String receivingProvince, String receivingName, Money amount) {
    }

    private final QuotaReportRepository reports;
    private final PrepaymentYearRepository years;
    private final PrepaymentPairRepository pairs;
    private final YearFinances finances;
    private final Prepayments prepayments;
    private final Divisions divisions;
    private final TransactionTemplate tx;

    InitialQuotas(QuotaReportRepository reports, PrepaymentYearRepository years, PrepaymentPairRepository pairs,
                  YearFinances finances, Prepayments prepayments, Divisions divisions, PlatformTransactionManager transactions) {
        this.reports = reports;
        this.years = years;
        this.pairs = pairs;
        this.finances = finances;
        this.prepayments = prepayments;
        this.divisions = divisions;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The officer's province reports (or reports again) its quotas for {@code year}: receiving province → yuan
     * (> 0, two decimals). Refused once the year is set, or when last year has quotas.
     */
    public Report report(AppUser officer, int year, Map<String, BigDecimal> amounts) {
        if (officer == null || officer.isNationalCentre() || officer.unitCode() == null || !officer.hasRole(Roles.OFFICER)
                || !officer.hasRole(Roles.PREPAYMENT)) {
            throw new AccessDeniedException("预付金额度由省级经办机构预付金岗上报 / quotas are reported by a province's prepayment officers");
        }
        Prepayments.requireYear(year);
        String own = officer.unitCode();
        if (amounts == null || amounts.isEmpty() || amounts.size() > 40) {
            throw new BusinessRuleException("请填写向各就医省份预付的金额", "Give the amount for each receiving province");
        }
        Map<String, Money> lines = new TreeMap<>();
        amounts.forEach((code, amount) -> {
            String c = code == null ? "" : code.strip();
            if (!RegionCode.isValid(c) || RegionCode.of(c).level() != RegionCode.Level.PROVINCE || c.equals(own)
                    || divisions.find(c).isEmpty()) {
                throw new BusinessRuleException("就医省份应为其他省份的 6 位省级行政区划代码：" + c,
                        "A receiving province must be another province's 6-digit code: " + c);
            }
            if (!TopUps.validAmount(amount)) {
                throw new BusinessRuleException(name(c) + "的预付金额应为大于 0 的金额（元，最多两位小数，不超过 100 亿元）",
                        "The amount for " + c + " must be more than 0 yuan, with at most two decimals, at most 10 billion");
            }
            lines.put(c, new Money(amount));
        });
        try {
            return tx.execute(status -> {
                requireOpen(year);
                QuotaReport r = reports.findByYearAndPayingProvince(year, own).orElseGet(() -> new QuotaReport(year, own));
                r.reported(lines, officer.account(), Prepayments.now());
                log.info("Prepayment {}: {} reported initial quotas for {} provinces", year, own, lines.size());
                return report(reports.saveAndFlush(r), null);
            });
        } catch (DataIntegrityViolationException | org.springframework.orm.ObjectOptimisticLockingFailureException e) {
            throw new BusinessRuleException("本省的上报同时被他人修改，请刷新后重试", "Someone changed your province's report at the same time: reload and try again");
        }
    }

    /** The year's reports: the centre every line, a province the lines it pays or receives. */
    public List<Report> reports(AppUser officer, int year) {
        String own = Prepayments.requireOfficer(officer);
        return tx.execute(status -> reports.findByYearOrderByPayingProvince(year).stream().map(r -> report(r, own))
                .filter(r -> !r.lines().isEmpty()).toList());
    }

    /** The centre confirms every report: the year's quotas are set (once), and the provinces' transfers start. */
    public Prepayments.YearState confirm(AppUser centre, int year) {
        if (centre == null || !centre.isNationalCentre() || !centre.hasRole(Roles.OFFICER) || !centre.hasRole(Roles.PREPAYMENT)) {
            throw new AccessDeniedException("预付金额度由部级经办机构预付金岗确认 / the quotas are confirmed by the national centre's prepayment officers");
        }
        Prepayments.requireYear(year);
        try {
            tx.executeWithoutResult(status -> {
                requireOpen(year);
                List<QuotaReport> all = reports.findByYearOrderByPayingProvince(year);
                if (all.isEmpty()) {
                    throw new BusinessRuleException(year + " 年度尚无省份上报预付金额度", "No province has reported quotas for " + year);
                }
                years.saveAndFlush(new PrepaymentYear(year, PrepaymentYear.Kind.INITIAL, centre.account(), Prepayments.now()));
                for (QuotaReport r : all) {
                    r.getLines().forEach((receiving, amount) ->
                            pairs.save(PrepaymentPair.reported(year, r.getPayingProvince(), receiving, new Money(amount))));
                }
                pairs.flush();
                finances.start(year);
                log.info("Prepayment {}: initial quotas of {} provinces confirmed by {}", year, all.size(), centre.account());
            });
        } catch (DataIntegrityViolationException e) {
            throw alreadySet(year);
        }
        return prepayments.year(centre, year).orElseThrow();
    }

    /** Whether initial quotas can still be reported for {@code year}: neither it nor the year before has quotas. */
    public boolean open(int year) {
        return Boolean.TRUE.equals(tx.execute(status -> !years.existsById(year) && !years.existsById(year - 1)));
    }

    private void requireOpen(int year) {
        if (years.existsById(year)) {
            throw alreadySet(year);
        }
        if (years.existsById(year - 1)) {
            throw new BusinessRuleException((year - 1) + " 年度已有预付金额度，" + year + " 年度额度由部级经办机构按上年支出核定（第十八条）",
                    (year - 1) + " has quotas: " + year + "'s are set from last year's spending by the centre");
        }
    }

    private static BusinessRuleException alreadySet(int year) {
        return new BusinessRuleException(year + " 年度预付金额度已核定，不能再上报或确认",
                "The prepayment quotas of " + year + " are set: nothing more can be reported or confirmed");
    }

    private Report report(QuotaReport r, String own) {
        boolean all = own == null || own.equals(r.getPayingProvince());
        return new Report(r.getYear(), r.getPayingProvince(), name(r.getPayingProvince()), r.getReportedBy(), r.getReportedAt(),
                r.getLines().entrySet().stream().filter(e -> all || own.equals(e.getKey()))
                        .map(e -> new Line(e.getKey(), name(e.getKey()), new Money(e.getValue()))).toList());
    }

    private String name(String province) {
        return divisions.name(province).orElse(province);
    }
}
