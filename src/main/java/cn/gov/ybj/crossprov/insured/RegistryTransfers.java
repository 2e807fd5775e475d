package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What the 医疗保险关系转移接续 (transfer of the insurance relation from one pooling area to
 * another) needs from the registry: 个人账户余额, 欠费, 累计月数, and the two registry changes
 * 转出 ({@link #transferOut}) and 转入 ({@link #transferIn}), plus {@link #credit} for the balance
 * that arrives in the new area.
 *
 * <p>The writes are {@code MANDATORY}: they run only inside the caller's transaction (a Camunda
 * service task within the Spring transaction), so that the 转出 of one area, the 转入 of the other
 * and the case's own state commit or roll back together. Called without a transaction they throw
 * {@link org.springframework.transaction.IllegalTransactionStateException} and change nothing.
 * The person's registry row is locked ({@code FOR UPDATE}) by 转出 and 转入 until that transaction
 * ends, so two transfers of one person cannot interleave.
 *
 * <p>Refusals are exceptions, not messages: {@link IllegalArgumentException} for a call that can
 * never be right (a missing argument, 转出 to {@code NORMAL}, a negative amount),
 * {@link IllegalStateException} when the registry does not allow it (unknown person, another
 * area, periods after the last month). The transfer module checks its business rules (欠费, …)
 * and words the refusals for people before it calls.
 */
@Service
public class RegistryTransfers {

    /**
     * What 转出 did.
     *
     * @param balance    the 个人账户余额 before it was set to 0 (0.00 when the person had none)
     * @param outPeriods the person's contribution periods in the area left, after the change (all
     *                   ended), oldest first
     * @param months     distinct months of {@code outPeriods} (a month in two of them counted once)
     */
    public record TransferOut(Money balance, List<ContributionPeriod> outPeriods, int months) {
        public TransferOut {
            outPeriods = List.copyOf(outPeriods);
        }
    }

    /**
     * Distinct months covered by the periods of the {@code WHERE} clause that follows, counted up to
     * {@code :asOf} (first day of that month): each period becomes its months by generate_series
     * (an open one up to {@code :asOf}, a closed one up to its end, at most {@code :asOf}), and a
     * month two periods share is counted once. A period starting after {@code :asOf} adds nothing.
     * The casts to timestamp keep the series in local months, independent of the session time zone.
     */
    private static final String DISTINCT_MONTHS = """
            SELECT count(DISTINCT m) FROM app.contribution_period p
            CROSS JOIN LATERAL generate_series(p.start_month::timestamp,
                LEAST(COALESCE(p.end_month, CAST(:asOf AS date)), CAST(:asOf AS date))::timestamp,
                interval '1 month') AS m
            WHERE p.id_number = :id
            """;

    private final JdbcClient jdbc;
    private final PoolingAreas poolingAreas;

    RegistryTransfers(JdbcClient jdbc, PoolingAreas poolingAreas) {
        this.jdbc = jdbc;
        this.poolingAreas = poolingAreas;
    }

    /** 个人账户余额; 0.00 for a person without an account row (and for unknown persons). */
    public Money accountBalance(String idNumber) {
        return amount("balance", idNumber);
    }

    /** 欠费金额; 0.00 for a person without an account row (and for unknown persons). */
    public Money arrears(String idNumber) {
        return amount("arrears", idNumber);
    }

    private Money amount(String column, String idNumber) {
        // column is one of two constants above, never input
        return jdbc.sql("SELECT " + column + " FROM app.insurance_account WHERE id_number = ?")
                .param(IdNumber.canonical(idNumber)).query(BigDecimal.class).optional()
                .map(Money::yuan).orElse(Money.ZERO);
    }

    /**
     * 累计月数: the distinct months covered by the person's contribution periods of {@code type}, in
     * any area, up to and including {@code asOf}; an open period counts up to {@code asOf}, a month
     * covered by two periods (e.g. the month of a change of area paid in both) counts once.
     * Computed in SQL ({@code generate_series} over months, {@code count(DISTINCT …)}).
     */
    public int accumulatedMonths(String idNumber, InsuranceType type, YearMonth asOf) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(asOf, "asOf");
        // months under 新农合 or 城镇居民 count towards 城乡居民, the scheme they merged into
        List<String> types = java.util.Arrays.stream(InsuranceType.values()).filter(t -> t.policyType() == type.policyType())
                .map(InsuranceType::name).toList();
        return jdbc.sql(DISTINCT_MONTHS + " AND p.insurance_type IN (:types)")
                .param("asOf", asOf.atDay(1)).param("id", IdNumber.canonical(idNumber)).param("types", types)
                .query(Integer.class).single();
    }

    /**
     * 转出: the person leaves {@code outArea}. The registry record must be in {@code outArea}. Every
     * open contribution period there ends with {@code lastMonth} (the last month contributed);
     * no period there may start after {@code lastMonth} or end after it (that would be a
     * contribution after leaving). The status becomes {@code status} — 暂停参保 or 终止参保, never
     * 正常参保 — and the 个人账户余额 is set to 0 and returned, for the transfer to pay over. The record
     * keeps its area until {@link #transferIn}; 欠费 is not checked here (the transfer's rule).
     *
     * @throws IllegalArgumentException a missing argument or {@code status == NORMAL}
     * @throws IllegalStateException    the person is not in the registry or not insured in
     *                                  {@code outArea}, or has periods there after {@code lastMonth};
     *                                  nothing is changed then (the caller's transaction rolls back)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TransferOut transferOut(String idNumber, String outArea, YearMonth lastMonth, InsuranceStatus status) {
        String id = required(idNumber);
        require(outArea != null && !outArea.isBlank(), "outArea is required");
        require(lastMonth != null, "lastMonth is required");
        require(status == InsuranceStatus.SUSPENDED || status == InsuranceStatus.TERMINATED,
                "转出 sets the status to SUSPENDED (暂停参保) or TERMINATED (终止参保), not " + status);
        String area = locked(id).area();
        if (!outArea.equals(area)) {
            throw new IllegalStateException("转出地不符: the person " + IdNumber.mask(id) + " is insured in " + area
                    + ", not in " + outArea);
        }
        LocalDate last = lastMonth.atDay(1);
        long later = jdbc.sql("""
                SELECT count(*) FROM app.contribution_period
                WHERE id_number = ? AND pooling_area_code = ? AND (start_month > ? OR end_month > ?)
                """).params(id, outArea, last, last).query(Long.class).single();
        if (later > 0) {
            throw new IllegalStateException("The person " + IdNumber.mask(id) + " has " + later
                    + " contribution period(s) in " + outArea + " after " + lastMonth + ", the last month of 转出");
        }
        jdbc.sql("""
                UPDATE app.contribution_period SET end_month = ?
                WHERE id_number = ? AND pooling_area_code = ? AND end_month IS NULL
                """).params(last, id, outArea).update();
        jdbc.sql("UPDATE app.insurance_record SET status = ?, updated_at = now() WHERE id_number = ?")
                .params(status.name(), id).update();
        // the row lock makes a concurrent credit wait, so no amount lands between reading and zeroing
        Money balance = jdbc.sql("SELECT balance FROM app.insurance_account WHERE id_number = ? FOR UPDATE")
                .param(id).query(BigDecimal.class).optional().map(Money::yuan).orElse(Money.ZERO);
        jdbc.sql("UPDATE app.insurance_account SET balance = 0, updated_at = now() WHERE id_number = ? AND balance <> 0")
                .param(id).update();
        List<ContributionPeriod> outPeriods = jdbc.sql("""
                SELECT pooling_area_code, insurance_type, start_month, end_month FROM app.contribution_period
                WHERE id_number = ? AND pooling_area_code = ? ORDER BY start_month, id
                """).params(id, outArea).query(ContributionPeriod.ROW).list();
        int months = jdbc.sql(DISTINCT_MONTHS + " AND p.pooling_area_code = :area")
                .param("asOf", last).param("id", id).param("area", outArea).query(Integer.class).single();
        return new TransferOut(balance, outPeriods, months);
    }

    /**
     * 转入: the person's record moves to {@code inArea} with {@code type}, status 正常参保. Earlier
     * periods stay as they are (the history travels with the person); a period of {@code type} in
     * {@code inArea} opens with {@code firstMonth} unless the person already has an open period of
     * that type there. Answers the 累计月数 of {@code type} up to {@code firstMonth}
     * ({@link #accumulatedMonths}). The 人员类别 and the employer are left as they are.
     *
     * @throws IllegalArgumentException a missing argument or an unknown pooling area
     * @throws IllegalStateException    the person is not in the registry, or is still 正常参保 in
     *                                  another area (转出 first)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int transferIn(String idNumber, String inArea, InsuranceType type, YearMonth firstMonth) {
        String id = required(idNumber);
        require(inArea != null && poolingAreas.find(inArea).isPresent(), "Unknown pooling area: " + inArea);
        require(type != null, "type is required");
        require(firstMonth != null, "firstMonth is required");
        Locked current = locked(id);
        if (current.status() == InsuranceStatus.NORMAL && !inArea.equals(current.area())) {
            throw new IllegalStateException("The person " + IdNumber.mask(id) + " is still insured normally in "
                    + current.area() + "; 转出 from there first");
        }
        jdbc.sql("""
                UPDATE app.insurance_record SET pooling_area_code = ?, insurance_type = ?, status = 'NORMAL', updated_at = now()
                WHERE id_number = ?
                """).params(inArea, type.name(), id).update();
        jdbc.sql("""
                INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month)
                SELECT ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM app.contribution_period
                                  WHERE id_number = ? AND pooling_area_code = ? AND insurance_type = ? AND end_month IS NULL)
                """).params(id, inArea, type.name(), firstMonth.atDay(1), id, inArea, type.name()).update();
        return accumulatedMonths(id, type, firstMonth);
    }

    /**
     * Adds {@code amount} to the 个人账户余额 (the balance paid over by the area left); the account
     * row is created at the first credit. Each call adds once: a retried task adds again, unless
     * its transaction rolled back.
     *
     * @throws IllegalArgumentException {@code amount} missing or negative
     * @throws IllegalStateException    the person is not in the registry
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void credit(String idNumber, Money amount) {
        String id = required(idNumber);
        require(amount != null && !amount.isNegative(), "The amount must be 0 or more: " + amount);
        int rows = jdbc.sql("""
                INSERT INTO app.insurance_account (id_number, balance, updated_at)
                SELECT id_number, ?, now() FROM app.insurance_record WHERE id_number = ?
                ON CONFLICT (id_number) DO UPDATE SET balance = app.insurance_account.balance + EXCLUDED.balance,
                    updated_at = now()
                """).params(amount.yuan(), id).update();
        if (rows == 0) {
            throw new IllegalStateException("No insurance record for " + IdNumber.mask(id));
        }
    }

    private record Locked(String area, InsuranceStatus status) {
    }

    /** The person's area and status, with the record locked until the caller's transaction ends. */
    private Locked locked(String id) {
        return jdbc.sql("SELECT pooling_area_code, status FROM app.insurance_record WHERE id_number = ? FOR UPDATE")
                .param(id).query((rs, n) -> new Locked(rs.getString(1), InsuranceStatus.valueOf(rs.getString(2))))
                .optional().orElseThrow(() -> new IllegalStateException("No insurance record for " + IdNumber.mask(id)));
    }

    private static String required(String idNumber) {
        String id = IdNumber.canonical(idNumber);
        require(id != null && !id.isEmpty(), "idNumber is required");
        return id;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
