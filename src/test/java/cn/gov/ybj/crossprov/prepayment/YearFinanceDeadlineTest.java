package cn.gov.ybj.crossprov.prepayment;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** 第十九条: 「各省应于每年2月底前完成预付金的收付工作」 — a step's term, but never after February in a yearly run. */
class YearFinanceDeadlineTest {

    static final Instant FEBRUARY_END_2026 = Instant.parse("2026-02-28T15:59:59Z");

    @Test
    void aYearlyRunsTermEndingInMarchEndsWithFebruary() {
        PrepaymentYear y = new PrepaymentYear(2026, PrepaymentYear.Kind.YEARLY, "centre", Instant.parse("2026-01-15T01:00:00Z"));
        assertThat(YearFinances.due(y, Instant.parse("2026-02-10T02:00:00Z"), Instant.parse("2026-03-05T15:59:59Z"))).isEqualTo(FEBRUARY_END_2026);
        assertThat(YearFinances.due(y, Instant.parse("2026-01-15T02:00:00Z"), Instant.parse("2026-01-22T15:59:59Z")))
                .as("a term within February").isEqualTo(Instant.parse("2026-01-22T15:59:59Z"));
        assertThat(YearFinances.due(y, Instant.parse("2026-03-02T02:00:00Z"), Instant.parse("2026-03-09T15:59:59Z")))
                .as("opened after February: the term alone").isEqualTo(Instant.parse("2026-03-09T15:59:59Z"));
    }

    @Test
    void aLeapYearsFebruaryEndsOnThe29th() {
        PrepaymentYear y = new PrepaymentYear(2028, PrepaymentYear.Kind.YEARLY, "centre", Instant.parse("2028-01-15T01:00:00Z"));
        assertThat(YearFinances.due(y, Instant.parse("2028-02-20T02:00:00Z"), Instant.parse("2028-03-03T15:59:59Z")))
                .isEqualTo(Instant.parse("2028-02-29T15:59:59Z"));
    }

    @Test
    void theInitialYearHasItsTermsAlone() {
        PrepaymentYear y = new PrepaymentYear(2026, PrepaymentYear.Kind.INITIAL, "centre", Instant.parse("2026-02-10T01:00:00Z"));
        assertThat(YearFinances.due(y, Instant.parse("2026-02-20T02:00:00Z"), Instant.parse("2026-03-05T15:59:59Z")))
                .isEqualTo(Instant.parse("2026-03-05T15:59:59Z"));
    }
}
