package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static cn.gov.ybj.crossprov.settlement.TestPolicies.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 random settlements (20,000 persons × 5 admissions, some crossing into the next year) on
 * 300 random policies, valid by construction, seed fixed. After each settlement: funds + person =
 * total; no amount below 0; no fund above what its annual cap still allowed, nor above its cap over
 * the year; the funds never pay more than the in-scope amount (so never any of the self-paid
 * amount); the deductible within the rule; the year-to-date usage equal to the sums this test keeps
 * itself. It also counts that caps, the in-scope limit and year changes really happened.
 */
class SettlementPropertyTest {

    private static final long SEED = 20_260_101L;
    private static final int POLICIES = 300;
    private static final int PERSONS = 20_000;
    private static final int ADMISSIONS = 5;
    private static final FundBase[] BASES = FundBase.values();
    private static final HospitalGrade[] GRADES = HospitalGrade.values();

    private final SettlementCalculator calculator = new SettlementCalculator();

    @Test
    void hundredThousandRandomSettlementsKeepTheInvariants() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<PolicyVersion> policies = new ArrayList<>();
        for (int i = 0; i < POLICIES; i++) {
            policies.add(randomPolicy(random));
        }
        int settlements = 0;
        int capLimited = 0;
        int inScopeLimited = 0;
        int yearChanges = 0;
        int straddled = 0;
        for (int person = 0; person < PERSONS; person++) {
            int policyIndex = random.nextInt(POLICIES);
            PolicyVersion policy = policies.get(policyIndex);
            LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300));
            YearToDateUsage usage = YearToDateUsage.empty(date.getYear());
            // the test's own sums for the current year
            Tally tally = new Tally(date.getYear());
            for (int a = 0; a < ADMISSIONS; a++) {
                date = date.plusDays(random.nextInt(150));
                if (date.getYear() != tally.year) {
                    tally = new Tally(date.getYear());
                    yearChanges++;
                }
                HospitalGrade grade = GRADES[random.nextInt(GRADES.length)];
                List<FeeLine> fees = randomFees(random);
                where = new int[]{person, a, policyIndex};

                SettlementResult r = calculator.calculate(policy, grade, date, fees, usage);
                settlements++;

                YearToDateUsage before = r.usageBefore();
                check(before.year() == date.getYear() && before.admissions() == tally.admissions, "usage before is this year's");
                Money inScope = fees.stream().map(FeeLine::inScope).reduce(Money.ZERO, Money::plus);
                Money selfPaid = fees.stream().map(FeeLine::selfPaid).reduce(Money.ZERO, Money::plus);
                check(r.inScope().equals(inScope) && r.selfPaid().equals(selfPaid), "in scope and self-paid are the sums of the lines");
                check(r.total().equals(inScope.plus(selfPaid)), "total = in scope + self-paid");
                Money funds = r.funds().stream().map(FundPayment::amount).reduce(Money.ZERO, Money::plus);
                check(r.fundsTotal().equals(funds), "funds total = sum of the funds");
                check(r.fundsTotal().plus(r.personalCash()).equals(r.total()), "funds + person = total");
                check(nonNegative(r.deductible(), r.fundsTotal(), r.personalCash()), "deductible, funds, person ≥ 0");
                check(r.fundsTotal().compareTo(r.inScope()) <= 0, "funds ≤ in scope");
                check(r.personalCash().compareTo(r.selfPaid()) >= 0, "self-paid never paid by a fund");
                check(r.deductible().compareTo(r.inScope()) <= 0, "deductible ≤ in scope");
                check(r.deductible().compareTo(policy.deductible().due(grade, before)) <= 0, "deductible ≤ what is due");
                if (policy.deductible().mode() == DeductibleMode.ONCE_PER_YEAR) {
                    check(r.usageAfter().deductiblePaid().compareTo(maxDeductible(policy)) <= 0, "a year's deductible ≤ the rule's");
                }
                check(r.funds().stream().map(FundPayment::code).toList()
                        .equals(policy.funds().stream().map(FundRule::code).toList()), "funds in the policy's order");
                for (int f = 0; f < policy.funds().size(); f++) {
                    FundRule rule = policy.funds().get(f);
                    FundPayment p = r.funds().get(f);
                    Money paidBefore = tally.fundPaid.getOrDefault(rule.code(), Money.ZERO);
                    Money capLeft = rule.annualCap().minus(paidBefore);
                    capLeft = capLeft.isNegative() ? Money.ZERO : capLeft;
                    check(p.capLeft().equals(capLeft), "cap left = cap − paid this year", rule.code());
                    check(nonNegative(p.amount(), p.base(), p.aboveCap()), "fund amounts ≥ 0", rule.code());
                    check(p.amount().compareTo(capLeft) <= 0, "no fund above its remaining cap", rule.code());
                    check(paidBefore.plus(p.amount()).compareTo(rule.annualCap()) <= 0, "no fund above its annual cap", rule.code());
                    Money shares = Money.ZERO;
                    for (BandShare s : p.bands()) {
                        check(nonNegative(s.amount(), s.share()) && s.share().compareTo(s.amount().times(s.band().ratio())) <= 0,
                                "a band's share ≤ its part × ratio", rule.code());
                        shares = shares.plus(s.share());
                    }
                    check(p.amount().compareTo(shares) <= 0, "a fund pays at most its band shares", rule.code());
                    if (p.limitedBy() == PaymentLimit.ANNUAL_CAP) {
                        capLimited++;
                    }
                    if (p.limitedBy() == PaymentLimit.IN_SCOPE_REMAINDER) {
                        inScopeLimited++;
                    }
                    tally.fundPaid.merge(rule.code(), p.amount(), Money::plus);
                    tally.fundBase.merge(rule.code(), p.base(), Money::plus);
                }
                if (deductibleStraddles(policy.funds().get(0), grade, before, r.deductible())) {
                    straddled++;
                }
                tally.admissions++;
                tally.inScope = tally.inScope.plus(inScope);
                tally.deductible = tally.deductible.plus(r.deductible());
                YearToDateUsage after = r.usageAfter();
                check(after.year() == tally.year && after.admissions() == tally.admissions, "usage after: year and admissions");
                check(after.inScope().equals(tally.inScope), "usage after: in scope adds up");
                check(after.deductiblePaid().equals(tally.deductible), "usage after: deductible adds up");
                for (FundRule rule : policy.funds()) {
                    check(after.fund(rule.code()).equals(new FundUsage(tally.fundPaid.get(rule.code()), tally.fundBase.get(rule.code()))),
                            "usage after: the fund's paid and base add up", rule.code());
                }
                usage = after;
            }
        }
        assertThat(settlements).isEqualTo(PERSONS * ADMISSIONS);
        // the random data reaches the interesting cases
        assertThat(capLimited).as("fund payments limited by a cap").isGreaterThan(5_000);
        assertThat(inScopeLimited).as("fund payments limited by the in-scope remainder").isGreaterThan(500);
        assertThat(yearChanges).as("persons whose admissions cross into a new year").isGreaterThan(5_000);
        assertThat(straddled).as("deductibles straddling two bands or more").isGreaterThan(1_000);
    }

    private static final class Tally {
        final int year;
        int admissions;
        Money inScope = Money.ZERO;
        Money deductible = Money.ZERO;
        final Map<String, Money> fundPaid = new HashMap<>();
        final Map<String, Money> fundBase = new HashMap<>();

        Tally(int year) {
            this.year = year;
        }
    }

    /** person, admission, policy of the settlement being checked; only read when a check fails */
    private int[] where = new int[3];

    private void check(boolean ok, String what) {
        check(ok, what, "");
    }

    private void check(boolean ok, String what, String fund) {
        if (!ok) {
            throw new AssertionError(what + (fund.isEmpty() ? "" : " (" + fund + ")") + " — person " + where[0]
                    + " admission " + where[1] + " policy " + where[2] + " (seed " + SEED + ")");
        }
    }

    private static boolean nonNegative(Money... amounts) {
        for (Money m : amounts) {
            if (m.isNegative()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a fund on the in-scope amount has this settlement's deductible in two bands or more. */
    private static boolean deductibleStraddles(FundRule fund, HospitalGrade grade, YearToDateUsage before, Money deductible) {
        if (fund.base() != FundBase.IN_SCOPE || deductible.isZero()) {
            return false;
        }
        Money start = fund.scope() == BandScope.ANNUAL ? before.fund(fund.code()).base() : Money.ZERO;
        Money end = start.plus(deductible);
        long bands = fund.bands(grade).stream()
                .filter(b -> b.from().compareTo(end) < 0 && (b.isOpen() || b.to().compareTo(start) > 0)).count();
        return bands > 1;
    }

    private static Money maxDeductible(PolicyVersion policy) {
        return policy.deductible().amounts().values().stream().max(Money::compareTo).orElseThrow();
    }

    // --- random, valid by construction ---------------------------------------------------------------

    static PolicyVersion randomPolicy(SplittableRandom r) {
        boolean perAdmission = r.nextBoolean();
        Map<HospitalGrade, Money> amounts = randomGradeAmounts(r, 300_000);
        DeductibleRule deductible = perAdmission
                ? DeductibleRule.perAdmission(amounts, r.nextBoolean() ? randomGradeAmounts(r, 150_000) : Map.of())
                : DeductibleRule.oncePerYear(amounts);
        int n = 1 + r.nextInt(4);
        List<FundRule> funds = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            FundBase base = k == 0 ? (r.nextBoolean() ? FundBase.IN_SCOPE : FundBase.ABOVE_DEDUCTIBLE) : BASES[r.nextInt(BASES.length)];
            String baseFund = base == FundBase.ABOVE_CAP_OF ? funds.get(r.nextInt(k)).code() : null;
            BandScope scope = r.nextBoolean() ? BandScope.PER_SETTLEMENT : BandScope.ANNUAL;
            Map<HospitalGrade, List<RatioBand>> bands = new EnumMap<>(HospitalGrade.class);
            List<RatioBand> shared = randomBands(r);
            for (HospitalGrade g : HospitalGrade.values()) {
                bands.put(g, r.nextInt(3) == 0 ? randomBands(r) : shared);
            }
            funds.add(new FundRule("F" + k, "基金" + k, base, baseFund, scope, bands, randomCap(r)));
        }
        return new PolicyVersion(KEY, LocalDate.of(2020, 1, 1), deductible, funds);
    }

    private static Map<HospitalGrade, Money> randomGradeAmounts(SplittableRandom r, int maxFen) {
        Map<HospitalGrade, Money> m = new EnumMap<>(HospitalGrade.class);
        for (HospitalGrade g : HospitalGrade.values()) {
            m.put(g, r.nextInt(5) == 0 ? Money.ZERO : fen(r.nextLong(maxFen + 1L)));
        }
        return m;
    }

    private static List<RatioBand> randomBands(SplittableRandom r) {
        int n = 1 + r.nextInt(4);
        List<RatioBand> bands = new ArrayList<>();
        long from = 0;
        for (int i = 0; i < n; i++) {
            Money to = null;
            long next = from;
            if (i < n - 1) {
                next = from + 1 + r.nextLong(r.nextBoolean() ? 100_000 : 5_000_000); // up to 1,000 or 50,000 yuan wide
                to = fen(next);
            }
            bands.add(new RatioBand(fen(from), to, randomPercent(r)));
            from = next;
        }
        return bands;
    }

    private static BigDecimal randomPercent(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> BigDecimal.valueOf(100);
            case 2 -> BigDecimal.valueOf(r.nextLong(1_000_001), 4); // four decimals
            default -> BigDecimal.valueOf(r.nextLong(10_001), 2);
        };
    }

    private static Money randomCap(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> Money.ZERO;
            case 1, 2 -> fen(r.nextLong(1_000_000));      // up to 10,000 yuan: reached often
            default -> fen(r.nextLong(50_000_000));       // up to 500,000 yuan
        };
    }

    private static List<FeeLine> randomFees(SplittableRandom r) {
        int n = 1 + r.nextInt(4);
        List<FeeLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long inScope = switch (r.nextInt(8)) {
                case 0 -> 0;
                case 1 -> r.nextLong(50_000_000);          // up to 500,000 yuan
                default -> r.nextLong(1_500_000);          // up to 15,000 yuan
            };
            long selfPaid = r.nextInt(3) == 0 ? 0 : r.nextLong(500_000);
            lines.add(new FeeLine("类别" + i, fen(inScope), fen(selfPaid)));
        }
        return lines;
    }

    private static Money fen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }
}
