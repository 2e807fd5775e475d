package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.ybj.crossprov.filing.ui.FilingActions.StatusFilter.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Actions by status and the status filters of the three tabs (004 §2). */
class FilingActionsTest {

    static Filing filing(Channel channel, FilingStatus status) {
        return new Filing(UUID.randomUUID(), "B" + status, null, channel,
                channel == Channel.NATIONAL_APP_SELF_SERVICE ? ReviewMode.AUTO : ReviewMode.MANUAL, status, null,
                "110105195803120029", "张伟", "110105", "310000", "310000", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, LocalDate.now(), LocalDate.now(), "张伟", "13900000000", "x", null,
                false, false, false, "insured:zhangwei", null, null, null);
    }

    @Test
    void resubmitOnlyWhenReturned() {
        for (FilingStatus s : FilingStatus.values()) {
            assertThat(FilingActions.allowed(filing(Channel.NATIONAL_APP_QUICK, s))).startsWith(FilingActions.Action.DETAILS)
                    .hasSize(s == FilingStatus.RETURNED ? 2 : 1);
        }
        Filing returned = filing(Channel.NATIONAL_APP_QUICK, FilingStatus.RETURNED);
        assertThat(FilingActions.Action.RESUBMIT.route(returned)).isEqualTo("insured/filing/" + returned.id() + "/edit");
    }

    @Test
    void filtersPerTab() {
        assertThat(FilingActions.filters(Channel.NATIONAL_APP_QUICK)).containsExactly(ALL, IN_PROGRESS, DONE, CLOSED, RETURNED);
        assertThat(FilingActions.filters(Channel.LOCAL)).containsExactly(ALL, IN_PROGRESS, DONE, CLOSED, RETURNED);
        assertThat(FilingActions.filters(Channel.NATIONAL_APP_SELF_SERVICE)).containsExactly(ALL, OPENED, CLOSED, FAILED);

        List<Filing> all = List.of(filing(Channel.NATIONAL_APP_QUICK, FilingStatus.OPENED),
                filing(Channel.NATIONAL_APP_QUICK, FilingStatus.FAILED), filing(Channel.NATIONAL_APP_QUICK, FilingStatus.SUBMITTED),
                filing(Channel.NATIONAL_APP_SELF_SERVICE, FilingStatus.OPENED), filing(Channel.LOCAL, FilingStatus.RETURNED));
        assertThat(FilingActions.select(all, Channel.NATIONAL_APP_QUICK, DONE)).extracting(Filing::status)
                .containsExactly(FilingStatus.OPENED, FilingStatus.FAILED);
        assertThat(FilingActions.select(all, Channel.NATIONAL_APP_QUICK, ALL)).hasSize(3);
        assertThat(FilingActions.select(all, Channel.NATIONAL_APP_SELF_SERVICE, OPENED)).hasSize(1);
        assertThat(FilingActions.select(all, Channel.LOCAL, RETURNED)).hasSize(1);
        assertThat(FilingActions.select(all, Channel.LOCAL, IN_PROGRESS)).isEmpty();
    }

    @Test
    void namesAreMaskedLikeTheNationalApp() {
        assertThat(PersonNames.mask("张伟")).isEqualTo("张*");
        assertThat(PersonNames.mask("欧阳娜娜")).isEqualTo("欧***");
    }
}
