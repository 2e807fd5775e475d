package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: each status label of each tab (004 §2) has its English twin. */
class FilingStatusEnglishTest {

    private static Filing filing(Channel channel, FilingStatus status) {
        return new Filing(UUID.randomUUID(), "B1", null, channel, ReviewMode.MANUAL, status, null, "110105195803120029",
                "张伟", "110105", "310000", "310000", InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, ChinaTime.today(),
                ChinaTime.today(), "张伟", "13900000000", "x", null, false, false, false, "insured:zhangwei", null, null, null, false);
    }

    @Test
    void selfServiceSaysOpenedAndOpeningFailed() {
        Channel self = Channel.NATIONAL_APP_SELF_SERVICE;
        assertThat(filing(self, FilingStatus.SUBMITTED).statusLabelEn()).isEqualTo("In progress");
        assertThat(filing(self, FilingStatus.OPENED).statusLabelEn()).isEqualTo("Opened");
        assertThat(filing(self, FilingStatus.RETURNED).statusLabelEn()).isEqualTo("Returned");
        assertThat(filing(self, FilingStatus.FAILED).statusLabelEn()).isEqualTo("Opening failed");
        assertThat(filing(self, FilingStatus.CLOSED).statusLabelEn()).isEqualTo("Closed");
        assertThat(filing(self, FilingStatus.OPENED).statusLabel(true)).isEqualTo("Opened");
        assertThat(filing(self, FilingStatus.OPENED).statusLabel(false)).isEqualTo("已开通");
    }

    @Test
    void quickAndLocalSayFiledAndFilingFailedWhoeverReviewed() {
        for (Channel c : new Channel[]{Channel.NATIONAL_APP_QUICK, Channel.LOCAL}) {
            assertThat(filing(c, FilingStatus.SUBMITTED).statusLabelEn()).isEqualTo("In progress");
            assertThat(filing(c, FilingStatus.OPENED).statusLabelEn()).isEqualTo("Filed");
            assertThat(filing(c, FilingStatus.RETURNED).statusLabelEn()).isEqualTo("Filing failed");
            assertThat(filing(c, FilingStatus.FAILED).statusLabelEn()).isEqualTo("Filing failed");
            assertThat(filing(c, FilingStatus.CLOSED).statusLabelEn()).isEqualTo("Closed");
        }
    }

    @Test
    void everyLabelHasEnglishWithoutChinese() {
        Pattern han = Pattern.compile("\\p{IsHan}");
        for (FilingStatus s : FilingStatus.values()) {
            for (ReviewMode m : ReviewMode.values()) {
                assertThat(s.labelEn(m)).isNotBlank().doesNotContainPattern(han);
                assertThat(s.label(m, true)).isEqualTo(s.labelEn(m));
                assertThat(s.label(m, false)).isEqualTo(s.label(m));
            }
        }
    }

    @Test
    void aStepRecordedBeforeEnglishWasKeptShowsItsChineseText() {
        Filing.Event old = new Filing.Event(java.time.Instant.now(), "system", "提交备案申请", null, FilingStatus.SUBMITTED,
                null, false, null);
        assertThat(old.actionEn()).isEqualTo("提交备案申请");
        assertThat(old.action(true)).isEqualTo("提交备案申请");
    }
}
