package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.ybj.crossprov.filing.ui.FilingActions.Action.*;
import static cn.gov.ybj.crossprov.filing.ui.FilingActions.StatusFilter.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Actions by status and the status filters of the three tabs (004 §2). */
class FilingActionsTest {

    static Filing filing(Channel channel, FilingStatus status) {
        return filing(channel, status, FilingType.OTHER_TEMPORARY, false, false);
    }

    static Filing filing(Channel channel, FilingStatus status, FilingType type, boolean commitment, boolean bothPlaces) {
        return new Filing(UUID.randomUUID(), "B" + status, null, channel,
                channel == Channel.NATIONAL_APP_SELF_SERVICE ? ReviewMode.AUTO : ReviewMode.MANUAL, status, null,
                "110105195803120029", "张伟", "110105", "310000", "310000", InsuranceType.EMPLOYEE,
                type, ChinaTime.today(), ChinaTime.today(), "张伟", "13900000000", "x", null,
                false, false, commitment, "insured:zhangwei", null, null, null, bothPlaces);
    }

    static FilingOptions options(boolean cancellationPending, boolean changePending, boolean supplementLive, boolean chronic) {
        return new FilingOptions(cancellationPending, changePending, supplementLive, chronic, false);
    }

    @Test
    void onlyDetailsUnlessOpenedOrReturned() {
        for (Channel c : Channel.values()) {
            // 撤回申请 on an online filing still 申办中 only; a counter's record is the counter's
            assertThat(FilingActions.allowed(filing(c, FilingStatus.SUBMITTED), FilingOptions.NONE))
                    .containsExactlyElementsOf(c == Channel.LOCAL ? List.of(DETAILS) : List.of(WITHDRAW, DETAILS));
            assertThat(FilingActions.allowed(filing(c, FilingStatus.FAILED), FilingOptions.NONE)).containsExactly(DETAILS);
            assertThat(FilingActions.allowed(filing(c, FilingStatus.CLOSED), options(false, false, false, true))).containsExactly(DETAILS);
        }
        for (Channel c : List.of(Channel.NATIONAL_APP_QUICK, Channel.NATIONAL_APP_SELF_SERVICE)) {
            assertThat(FilingActions.allowed(filing(c, FilingStatus.RETURNED), FilingOptions.NONE)).containsExactly(RESUBMIT, DETAILS);
        }
        // 004 §2.3: the 地方平台 tab shows 查看详情 only, also for a returned record, and has no status filters
        assertThat(FilingActions.allowed(filing(Channel.LOCAL, FilingStatus.RETURNED), FilingOptions.NONE)).containsExactly(DETAILS);
        assertThat(FilingActions.filters(Channel.LOCAL)).isEmpty();
        // 004 §2.1.1: a returned quick filing reads 备案失败 and is found under 被退回
        Filing quickReturned = filing(Channel.NATIONAL_APP_QUICK, FilingStatus.RETURNED);
        assertThat(quickReturned.statusLabel()).isEqualTo("备案失败");
        assertThat(FilingActions.select(List.of(quickReturned), Channel.NATIONAL_APP_QUICK, FilingActions.StatusFilter.RETURNED))
                .containsExactly(quickReturned);
        Filing returned = filing(Channel.NATIONAL_APP_QUICK, FilingStatus.RETURNED);
        assertThat(RESUBMIT.route(returned)).isEqualTo("insured/filing/" + returned.id() + "/edit");
    }

    @Test
    void openedOnlineFilingsOfferTheGuidesActions() {
        for (Channel c : List.of(Channel.NATIONAL_APP_QUICK, Channel.NATIONAL_APP_SELF_SERVICE)) {
            assertThat(FilingActions.allowed(filing(c, FilingStatus.OPENED), FilingOptions.NONE)).containsExactlyElementsOf(withChange(c, CANCEL, DETAILS));
            Filing commitment = filing(c, FilingStatus.OPENED, FilingType.LONG_TERM_RESIDENT, true, false);
            assertThat(FilingActions.allowed(commitment, FilingOptions.NONE)).containsExactlyElementsOf(withChange(c, SUPPLEMENT, CANCEL, DETAILS));
            // 补充材料 disappears while under review, once approved (双向享受待遇)
            assertThat(FilingActions.allowed(commitment, options(false, false, true, false))).containsExactlyElementsOf(withChange(c, CANCEL, DETAILS));
            assertThat(FilingActions.allowed(filing(c, FilingStatus.OPENED, FilingType.LONG_TERM_RESIDENT, true, true), FilingOptions.NONE))
                    .containsExactlyElementsOf(withChange(c, CANCEL, DETAILS));
            // a temporary filing never had a commitment instead of materials
            assertThat(FilingActions.allowed(filing(c, FilingStatus.OPENED, FilingType.OTHER_TEMPORARY, true, false), FilingOptions.NONE))
                    .containsExactlyElementsOf(withChange(c, CANCEL, DETAILS));
            assertThat(FilingActions.allowed(filing(c, FilingStatus.OPENED), options(false, false, false, true)))
                    .containsExactlyElementsOf(withChange(c, CHRONIC, CANCEL, DETAILS));
            // a pending request blocks changes; 取消备案 stays and answers with the guide's message
            assertThat(FilingActions.allowed(filing(c, FilingStatus.OPENED), options(true, false, false, false))).containsExactly(CANCEL, DETAILS);
            assertThat(FilingActions.allowed(filing(c, FilingStatus.OPENED), options(false, true, false, false))).containsExactly(CANCEL, DETAILS);
        }
        assertThat(FilingActions.allowed(filing(Channel.LOCAL, FilingStatus.OPENED, FilingType.LONG_TERM_RESIDENT, true, false),
                options(false, false, false, true))).containsExactly(DETAILS);
    }

    /** 004: 信息变更 is offered online on self-service filings only */
    static List<FilingActions.Action> withChange(Channel c, FilingActions.Action... rest) {
        List<FilingActions.Action> expected = new java.util.ArrayList<>();
        if (c == Channel.NATIONAL_APP_SELF_SERVICE) {
            expected.add(CHANGE);
        }
        expected.addAll(List.of(rest));
        return expected;
    }

    @Test
    void filtersPerTab() {
        assertThat(FilingActions.filters(Channel.NATIONAL_APP_QUICK)).containsExactly(ALL, IN_PROGRESS, DONE, CLOSED, RETURNED);
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
