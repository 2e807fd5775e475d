package cn.gov.ybj.crossprov.calendar.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counting rules on the shipped files, in memory (no Spring, no database). */
class WorkingDaysTest {

    private final WorkingDaysService days = ShippedFiles.workingDays();

    @Test
    void shippedFilesAreValidAndMatchTheNotices() {
        List<CalendarCsv.Parsed> files = ShippedFiles.parsed();
        assertThat(files).extracting(CalendarCsv.Parsed::year).contains(2025, 2026, 2027);
        assertThat(files).allSatisfy(f -> {
            assertThat(f.errors()).isEmpty();
            assertThat(f.source()).isNotBlank();
        });
        CalendarCsv.Parsed y2025 = files.stream().filter(f -> f.year() == 2025).findFirst().orElseThrow();
        CalendarCsv.Parsed y2026 = files.stream().filter(f -> f.year() == 2026).findFirst().orElseThrow();
        CalendarCsv.Parsed y2027 = files.stream().filter(f -> f.year() == 2027).findFirst().orElseThrow();
        assertThat(y2025.source()).contains("国办发明电〔2024〕12号");
        assertThat(y2026.source()).contains("国办发明电〔2025〕7号");
        // 2025: 28 days off, 5 make-up workdays; 2026: 33 and 6 (the notices; same as npm chinese-days)
        assertThat(y2025.days()).filteredOn(d -> d.kind() == CalendarCsv.Kind.HOLIDAY).hasSize(28);
        assertThat(y2025.days()).filteredOn(d -> d.kind() == CalendarCsv.Kind.WORKDAY).hasSize(5);
        assertThat(y2026.days()).filteredOn(d -> d.kind() == CalendarCsv.Kind.HOLIDAY).hasSize(33);
        assertThat(y2026.days()).filteredOn(d -> d.kind() == CalendarCsv.Kind.WORKDAY).hasSize(6);
        // 2027: statutory days only (13: 1+4+1+2+1+1+3), no 调休, provisional
        assertThat(y2027.provisional()).isTrue();
        assertThat(y2027.days()).hasSize(13).allMatch(d -> d.kind() == CalendarCsv.Kind.HOLIDAY);
        assertThat(y2025.provisional()).isNull();
        assertThat(days.snapshot().provisionalYears()).containsExactly(2027);
    }

    @Test
    void makeUpWorkdaysAndHolidays2025() {
        assertThat(days.isWorkingDay(of(2025, 1, 26))).as("Sunday 调休上班").isTrue();
        assertThat(days.isWorkingDay(of(2025, 1, 25))).as("ordinary Saturday").isFalse();
        assertThat(days.isWorkingDay(of(2025, 1, 27))).as("ordinary Monday").isTrue();
        for (LocalDate d = of(2025, 10, 1); !d.isAfter(of(2025, 10, 8)); d = d.plusDays(1)) {
            assertThat(days.isWorkingDay(d)).as(d.toString()).isFalse();
        }
        assertThat(days.isWorkingDay(of(2025, 9, 28))).as("Sunday before National Day works").isTrue();
        assertThat(days.isWorkingDay(of(2025, 10, 11))).as("Saturday after National Day works").isTrue();
        assertThat(days.isWorkingDay(of(2025, 10, 12))).as("Sunday").isFalse();
    }

    @Test
    void plusWorkingDaysSkipsHolidaysAndCountsMakeUpDays() {
        // Tue 30 Sep 2025: 1 Oct–8 Oct off, Thu 9 Oct is the 1st, Fri 10 Oct the 2nd
        assertThat(days.plusWorkingDays(of(2025, 9, 30), 1)).isEqualTo(of(2025, 10, 9));
        assertThat(days.plusWorkingDays(of(2025, 9, 30), 2)).isEqualTo(of(2025, 10, 10));
        assertThat(days.plusWorkingDays(of(2025, 9, 30), 3)).as("Saturday 11 Oct works").isEqualTo(of(2025, 10, 11));
        assertThat(days.plusWorkingDays(of(2025, 9, 30), 4)).isEqualTo(of(2025, 10, 13));
        // Fri 26 Sep 2025: Sun 28 Sep works, Mon 29, Tue 30
        assertThat(days.plusWorkingDays(of(2025, 9, 26), 1)).isEqualTo(of(2025, 9, 28));
        assertThat(days.plusWorkingDays(of(2025, 9, 26), 3)).isEqualTo(of(2025, 9, 30));
        assertThatThrownBy(() -> days.plusWorkingDays(of(2025, 9, 26), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acrossTheSpringFestival2026() {
        // Fri 13 Feb 2026: Sat 14 Feb works (调休); 15–23 Feb off; Tue 24 Feb next
        assertThat(days.plusWorkingDays(of(2026, 2, 13), 1)).isEqualTo(of(2026, 2, 14));
        assertThat(days.plusWorkingDays(of(2026, 2, 13), 2)).isEqualTo(of(2026, 2, 24));
        assertThat(days.plusWorkingDays(of(2026, 2, 14), 5)).as("24–27 Feb, then Sat 28 Feb works").isEqualTo(of(2026, 2, 28));
        assertThat(days.plusWorkingDays(of(2026, 2, 14), 6)).isEqualTo(of(2026, 3, 2));
        assertThat(days.workingDaysBetween(of(2026, 2, 13), of(2026, 2, 28))).isEqualTo(6);
    }

    @Test
    void acrossTheYearEnd() {
        // Wed 31 Dec 2025: 1–3 Jan 2026 off, Sun 4 Jan works, Mon 5 Jan
        assertThat(days.plusWorkingDays(of(2025, 12, 31), 1)).isEqualTo(of(2026, 1, 4));
        assertThat(days.plusWorkingDays(of(2025, 12, 31), 2)).isEqualTo(of(2026, 1, 5));
        // Thu 30 Dec 2026 → Thu 31 Dec, (1 Jan 2027 off, provisional), Mon 4 Jan 2027
        assertThat(days.plusWorkingDays(of(2026, 12, 30), 2)).isEqualTo(of(2027, 1, 4));
        assertThat(days.workingDaysBetween(of(2025, 12, 31), of(2026, 1, 5))).isEqualTo(2);
    }

    @Test
    void between() {
        assertThat(days.workingDaysBetween(of(2025, 9, 30), of(2025, 10, 10))).isEqualTo(2);
        assertThat(days.workingDaysBetween(of(2025, 10, 10), of(2025, 9, 30))).isEqualTo(-2);
        assertThat(days.workingDaysBetween(of(2025, 10, 10), of(2025, 10, 10))).isZero();
        // the whole of 2025: 365 days, 104 weekend days, 28 off (18 of them weekdays), 5 make-up: 248
        assertThat(days.workingDaysBetween(of(2024, 12, 31), of(2025, 12, 31))).isEqualTo(248);
        for (int n = 1; n <= 30; n++) {
            LocalDate start = of(2026, 1, 1).plusDays(n * 11L);
            assertThat(days.workingDaysBetween(start, days.plusWorkingDays(start, n))).isEqualTo(n);
        }
    }

    @Test
    void deadlineIsTheEndOfTheDayInBeijing() {
        // 2025-09-30 20:00 UTC is already 1 Oct 04:00 in Beijing: the count starts from 1 Oct
        OffsetDateTime deadline = days.deadline(Instant.parse("2025-09-30T20:00:00Z"), 2);
        assertThat(deadline).isEqualTo(OffsetDateTime.parse("2025-10-10T23:59:59+08:00"));
        assertThat(days.deadline(Instant.parse("2025-09-30T10:00:00Z"), 2))
                .isEqualTo(OffsetDateTime.parse("2025-10-10T23:59:59+08:00"));
        assertThat(days.deadline(Instant.parse("2025-09-29T15:59:59Z"), 2)).as("still 29 Sep in Beijing")
                .isEqualTo(OffsetDateTime.parse("2025-10-09T23:59:59+08:00"));
    }

    @Test
    void yearsWithoutDataCountMondayToFriday() {
        WorkingDaysService only2025 = WorkingDaysService.of(new CalendarSnapshot(Map.of(of(2025, 10, 1), false), Set.of(2025), Set.of()));
        assertThat(only2025.isWorkingDay(of(2030, 10, 1))).as("Tuesday, no data for 2030").isTrue();
        assertThat(only2025.isWorkingDay(of(2030, 10, 5))).as("Saturday").isFalse();
        assertThat(only2025.plusWorkingDays(of(2030, 10, 4), 1)).isEqualTo(of(2030, 10, 7));
        assertThat(only2025.isWorkingDay(of(2025, 10, 1))).isFalse();
    }

    @Test
    void badRowsAreReportedInChineseThenEnglish() {
        String csv = """
                # source: test
                日期,类型,名称
                2028-01-01,HOLIDAY,元旦
                2028-02-30,HOLIDAY,坏日期
                2029-01-01,HOLIDAY,别的年份
                2028-01-05,HOLIDAY
                2028-01-06,OFF,未知类型
                2028-01-05,WORKDAY,周三调休
                2028-01-01,HOLIDAY,重复
                2028-01-08,WORKDAY,
                2028-01-09,WORKDAY,周日调休
                """;
        CalendarCsv.Parsed parsed = CalendarCsv.parse(2028, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.days()).isEmpty();
        assertThat(parsed.errors()).extracting(CalendarCsv.RowError::line).containsExactly(4, 5, 6, 7, 8, 9, 10);
        assertThat(parsed.errors().get(0).message()).startsWith("日期无效").contains("Invalid date");
        assertThat(parsed.errors().get(1).message()).startsWith("日期不在2028年").contains("not in 2028");
        assertThat(parsed.errors().get(2).message()).contains("3列").contains("3 columns");
        assertThat(parsed.errors().get(3).message()).contains("HOLIDAY").contains("WORKDAY");
        assertThat(parsed.errors().get(4).message()).contains("周三").contains("Wednesday");
        assertThat(parsed.errors().get(5).message()).contains("重复").contains("Duplicate");
        assertThat(parsed.errors().get(6).message()).contains("名称不能为空").contains("name is required");

        assertThat(CalendarCsv.parse(2028, "date,kind,name\n".getBytes(StandardCharsets.UTF_8)).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).startsWith("表头应为"));
        assertThat(CalendarCsv.parse(1999, "日期,类型,名称\n".getBytes(StandardCharsets.UTF_8)).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).startsWith("年份应在"));
    }
}
