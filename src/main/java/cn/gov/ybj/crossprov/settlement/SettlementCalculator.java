package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits one discharge settlement between the person and the insured area's funds (003 第二十六、
 * 二十七条: the medical area's catalogue decides what is in scope, the insured area's policy decides
 * the deductible, ratios and caps). Plain Java, stateless, no floating point.
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li>The year is the calendar year of the discharge date; usage of an earlier year counts as
 *       nothing ({@link YearToDateUsage#forYear}). The policy must have taken effect by the
 *       discharge date (choosing the version in force is {@link PolicyCatalogue#inForce}).</li>
 *   <li>{@code inScope} and {@code selfPaid} are the sums of the fee categories; {@code total} their sum.</li>
 *   <li>Deductible this time = min(inScope, {@link DeductibleRule#due}) — per admission (first or
 *       later admission of the year), or once a year less what the year already paid.</li>
 *   <li>The funds pay in the policy's order. For each: its base ({@link FundBase}: the in-scope
 *       amount with the deductible counted in the bands, the in-scope amount above the deductible,
 *       what an earlier fund left above its cap, or what the person still bears after the earlier
 *       funds); its range on the bands (from 0, or for {@link BandScope#ANNUAL} from the year's
 *       earlier bases of this fund); each band's part of the range paid at the band's ratio; the
 *       total limited by what is left of its annual cap, and by the in-scope amount the earlier
 *       funds have not paid (so the funds together never pay more than the in-scope amount, and
 *       never anything of the self-paid amount).</li>
 *   <li>Personal cash = total − the funds' sum. Never computed by a ratio, so funds + person = total exactly.</li>
 * </ol>
 *
 * <h2>The rounding rule</h2>
 * Amounts are {@link Money}: yuan with two decimals. <b>A product or quotient is rounded half up to
 * the fen where it is computed, and nowhere else</b>; there are exactly two:
 * <ul>
 *   <li>a band's share = (the part of the range in the band) × ratio, rounded half up to the fen,
 *       band by band; a fund's payment is the sum of its bands' rounded shares, and its annual cap
 *       (and the in-scope remainder) is applied after that rounding;</li>
 *   <li>only when the cap runs out inside a band: the part of that band the fund still covered =
 *       what was left of the cap ÷ ratio, rounded half up to the fen (at most the band's part);
 *       the rest of the range is "above the cap".</li>
 * </ul>
 * Everything else is sums, differences and minima of fen amounts, which are exact.
 */
public final class SettlementCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public SettlementResult calculate(PolicyVersion policy, HospitalGrade grade, LocalDate dischargeDate,
                                      List<FeeLine> fees, YearToDateUsage usage) {
        return calculate(new SettlementInput(policy, grade, dischargeDate, fees, usage));
    }

    public SettlementResult calculate(SettlementInput in) {
        PolicyVersion policy = in.policy();
        if (policy.effectiveFrom().isAfter(in.dischargeDate())) {
            throw new BusinessRuleException(
                    "待遇政策自 " + policy.effectiveFrom() + " 起生效，出院日期 " + in.dischargeDate() + " 早于此",
                    "The policy takes effect on " + policy.effectiveFrom() + ", after the discharge date " + in.dischargeDate());
        }
        YearToDateUsage before = in.usage().forYear(in.dischargeDate().getYear());

        Money inScope = Money.ZERO;
        Money selfPaid = Money.ZERO;
        for (FeeLine line : in.fees()) {
            inScope = inScope.plus(line.inScope());
            selfPaid = selfPaid.plus(line.selfPaid());
        }
        Money total = inScope.plus(selfPaid);
        Money deductible = min(inScope, policy.deductible().due(in.grade(), before));

        List<FundPayment> payments = new ArrayList<>();
        Map<String, Money> aboveCap = new HashMap<>();
        Map<String, FundUsage> fundsAfter = new TreeMap<>(before.funds());
        Money unpaid = inScope;
        for (FundRule fund : policy.funds()) {
            FundUsage used = before.fund(fund.code());
            Money capLeft = max(Money.ZERO, fund.annualCap().minus(used.paid()));
            Money base;
            Money deductiblePart = Money.ZERO; // the start of the range the fund does not pay
            switch (fund.base()) {
                case IN_SCOPE -> {
                    base = inScope;
                    deductiblePart = deductible;
                }
                case ABOVE_DEDUCTIBLE -> base = inScope.minus(deductible);
                case ABOVE_CAP_OF -> base = aboveCap.getOrDefault(fund.baseFund(), Money.ZERO);
                case PERSONAL_SHARE -> base = unpaid;
                default -> throw new IllegalStateException(fund.base().name());
            }
            Money start = fund.scope() == BandScope.ANNUAL ? used.base() : Money.ZERO;
            Walk walk = walk(fund.bands(in.grade()), start.plus(deductiblePart), start.plus(base), capLeft);
            Money amount = min(walk.paid, unpaid);
            PaymentLimit limit = amount.compareTo(walk.paid) < 0 ? PaymentLimit.IN_SCOPE_REMAINDER
                    : walk.capLimited ? PaymentLimit.ANNUAL_CAP : PaymentLimit.NONE;
            unpaid = unpaid.minus(amount);
            aboveCap.put(fund.code(), walk.aboveCap);
            payments.add(new FundPayment(fund.code(), fund.name(), base, capLeft, amount, limit, walk.aboveCap, walk.shares));
            fundsAfter.put(fund.code(), used.plus(amount, base));
        }
        Money fundsTotal = inScope.minus(unpaid);
        Money personalCash = total.minus(fundsTotal);
        YearToDateUsage after = new YearToDateUsage(before.year(), before.admissions() + 1, before.inScope().plus(inScope),
                before.deductiblePaid().plus(deductible), fundsAfter);
        return new SettlementResult(policy.key(), policy.effectiveFrom(), in.grade(), in.dischargeDate(), total, inScope,
                selfPaid, deductible, payments, fundsTotal, personalCash, before, after);
    }

    private record Walk(Money paid, Money aboveCap, boolean capLimited, List<BandShare> shares) {
    }

    /**
     * Pays the range {@code [from, to)} band by band until {@code capLeft} runs out; what lies beyond
     * that point is above the cap. A cap with nothing left puts the whole range above it.
     */
    private static Walk walk(List<RatioBand> bands, Money from, Money to, Money capLeft) {
        Money left = capLeft;
        boolean exhausted = left.isZero();
        boolean capLimited = false;
        Money paid = Money.ZERO;
        Money above = Money.ZERO;
        List<BandShare> shares = new ArrayList<>();
        for (RatioBand band : bands) {
            Money lo = max(band.from(), from);
            Money hi = band.isOpen() ? to : min(band.to(), to);
            if (hi.compareTo(lo) <= 0) {
                continue;
            }
            Money part = hi.minus(lo);
            if (exhausted) {
                above = above.plus(part);
                capLimited = true;
                shares.add(new BandShare(band, part, Money.ZERO));
                continue;
            }
            Money share = part.times(band.ratio());
            if (share.compareTo(left) <= 0) {
                paid = paid.plus(share);
                left = left.minus(share);
                exhausted = left.isZero();
                shares.add(new BandShare(band, part, share));
            } else {
                // the cap runs out inside this band (ratio > 0 here, as share > left ≥ 0)
                Money covered = min(part, new Money(left.yuan().multiply(HUNDRED).divide(band.percent(), 2, RoundingMode.HALF_UP)));
                above = above.plus(part.minus(covered));
                paid = paid.plus(left);
                shares.add(new BandShare(band, part, left));
                left = Money.ZERO;
                exhausted = true;
                capLimited = true;
            }
        }
        return new Walk(paid, above, capLimited, shares);
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
