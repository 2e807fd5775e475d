package cn.gov.ybj.crossprov.filing.change;

import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.change.FilingChange;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 信息变更 rules without lookups: who may change, what, and which changes go to review (003 第九条). */
class FilingChangeRulesTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 6, 30);

    static Filing filing(Channel channel, FilingStatus status, FilingType type, String institution) {
        return new Filing(UUID.randomUUID(), "B1", "B2", channel,
                channel == Channel.NATIONAL_APP_QUICK ? ReviewMode.MANUAL : ReviewMode.AUTO, status, null,
                "350203196209151238", "陈静", "350200", "110000", "110000", InsuranceType.EMPLOYEE, type, START, END,
                "陈静", "13800138000", "北京市朝阳区示例路 1 号", institution, false, false, false, "insured:x",
                Instant.now(), Instant.now(), "pi", false);
    }

    static FilingChange change(LocalDate end, String phone, String address, String institution) {
        return new FilingChange(null, end, null, phone, address, institution, null, null, null, null);
    }

    /** 003 第九条(一): residence, institution and phone are 「经其审核确认」; 004: dates and the contact person online at once. */
    @Test
    void residencePhoneAndInstitutionAreReviewedDatesAndContactPersonApplyAtOnce() {
        Filing self = filing(Channel.NATIONAL_APP_SELF_SERVICE, FilingStatus.OPENED, FilingType.REFERRAL, "H1");

        assertThat(FilingChangeRules.needsReview(self, change(END.plusDays(30), null, null, null))).isFalse();
        assertThat(FilingChangeRules.needsReview(self, new FilingChange(null, null, "李四", null, null, null, null, null, null, null))).isFalse();
        assertThat(FilingChangeRules.needsReview(self, change(null, "13900139000", null, null))).isTrue();
        assertThat(FilingChangeRules.needsReview(self, change(null, null, "上海市新地址 2 号", null))).isTrue();
        assertThat(FilingChangeRules.needsReview(self, change(null, null, null, "H2"))).isTrue();
        assertThat(FilingChangeRules.needsReview(self, change(END.plusDays(30), "13900139000", "上海市新地址 2 号", null))).isTrue();
        // the same value again is no change
        assertThat(FilingChangeRules.needsReview(self, change(null, "13800138000", null, "H1"))).isFalse();
    }

    @Test
    void onlyOpenedOnlineFilingsMayChange() {
        assertThatThrownBy(() -> FilingChangeRules.checkChangeable(filing(Channel.NATIONAL_APP_SELF_SERVICE, FilingStatus.CLOSED, FilingType.OTHER_TEMPORARY, null), false))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("该备案已关闭，不能变更");
        assertThatThrownBy(() -> FilingChangeRules.checkChangeable(filing(Channel.NATIONAL_APP_QUICK, FilingStatus.SUBMITTED, FilingType.OTHER_TEMPORARY, null), false))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("只有备案成功（已开通）的备案可以变更信息");
        assertThatThrownBy(() -> FilingChangeRules.checkChangeable(filing(Channel.LOCAL, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, null), false))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("只有备案成功（已开通）的备案可以变更信息");
        // 004: no 信息变更 online on a quick filing
        assertThatThrownBy(() -> FilingChangeRules.checkChangeable(filing(Channel.NATIONAL_APP_QUICK, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, null), false))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("快速备案不支持在线信息变更");
        FilingChangeRules.checkChangeable(filing(Channel.NATIONAL_APP_SELF_SERVICE, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, null), false);
    }

    @Test
    void theCounterChangesAnyOpenedFilingOfEveryChannel() {
        for (Channel c : Channel.values()) {
            FilingChangeRules.checkChangeable(filing(c, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, null), true);
        }
        assertThatThrownBy(() -> FilingChangeRules.checkChangeable(filing(Channel.LOCAL, FilingStatus.SUBMITTED, FilingType.OTHER_TEMPORARY, null), true))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("只有备案成功的备案可以变更信息");
        assertThatThrownBy(() -> FilingChangeRules.checkChangeable(filing(Channel.LOCAL, FilingStatus.CLOSED, FilingType.OTHER_TEMPORARY, null), true))
                .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith("该备案已关闭，不能变更");
    }

    @Test
    void destinationInsuranceTypeFilingTypeOrEmployerNeedANewFiling() {
        Filing f = filing(Channel.NATIONAL_APP_SELF_SERVICE, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, null);
        for (FilingChange c : new FilingChange[]{
                new FilingChange(null, null, null, null, null, null, "310000", null, null, null),
                new FilingChange(null, null, null, null, null, null, null, InsuranceType.RESIDENT, null, null),
                new FilingChange(null, null, null, null, null, null, null, null, FilingType.REFERRAL, null),
                new FilingChange(null, null, null, null, null, null, null, null, null, "新单位")}) {
            assertThatThrownBy(() -> FilingChangeRules.checkNoNewFilingNeeded(f, c))
                    .isInstanceOf(BusinessRuleException.class).hasMessageStartingWith(FilingChangeRules.NEW_FILING_ZH);
        }
        // the same values are no change
        FilingChangeRules.checkNoNewFilingNeeded(f, new FilingChange(null, null, null, null, null, null, "110000",
                InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, " "));
    }

    @Test
    void fieldsAreCheckedLikeAFiling() {
        Filing f = filing(Channel.NATIONAL_APP_SELF_SERVICE, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, null);
        assertThatThrownBy(() -> FilingChangeRules.checkValues(f, FilingChangeRules.merge(f, change(START.minusDays(1), null, null, null))))
                .hasMessageStartingWith("结束日期不能早于开始日期");
        assertThatThrownBy(() -> FilingChangeRules.checkValues(f, FilingChangeRules.merge(f, change(null, "12345", null, null))))
                .hasMessageContaining("联系电话格式不正确");
        assertThatThrownBy(() -> FilingChangeRules.checkValues(f, FilingChangeRules.merge(f, change(null, null, "x".repeat(201), null))))
                .hasMessageContaining("地址不超过 200 字");
        assertThatThrownBy(() -> FilingChangeRules.checkValues(f, FilingChangeRules.merge(f, change(null, null, null, "H9"))))
                .hasMessageContaining("不能变更定点医疗机构");
        assertThat(FilingChangeRules.diff(f, FilingChangeRules.merge(f, change(null, " 13800138000 ", null, null)))).isEmpty();
        assertThat(FilingChangeRules.diff(f, FilingChangeRules.merge(f, change(END.plusDays(1), null, null, null))))
                .singleElement().satisfies(c -> {
                    assertThat(c.field()).isEqualTo("endDate");
                    assertThat(c.before()).isEqualTo("2026-06-30");
                    assertThat(c.after()).isEqualTo("2026-07-01");
                });
    }
}
