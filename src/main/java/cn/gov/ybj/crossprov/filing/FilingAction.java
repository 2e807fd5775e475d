package cn.gov.ybj.crossprov.filing;

import java.util.ArrayList;
import java.util.List;

/** What 我的备案 offers on a filing (004 §2), in the guide's order (e.g. 补充材料 取消备案 查看详情). */
public enum FilingAction {
    /** 修改备案 */
    RESUBMIT,
    /** 信息变更 */
    CHANGE,
    /** 补充材料 */
    SUPPLEMENT,
    /** 门诊慢特病信息变更 */
    CHRONIC,
    /** 取消备案 */
    CANCEL,
    /** 撤回申请: an online filing still 申办中 */
    WITHDRAW,
    /** 查看详情 */
    DETAILS;

    /**
     * The one place that decides which action a filing offers. Records of counters and local
     * platforms only show details (004 §2.3). 取消备案 stays offered while a request is pending or
     * when only the counter may cancel: pressing it says why (004 §2.1.1.2).
     */
    public static List<FilingAction> allowed(Filing f, FilingOptions o) {
        List<FilingAction> actions = new ArrayList<>();
        if (f.mayResubmit()) {
            actions.add(RESUBMIT);
        }
        if (f.status() == FilingStatus.OPENED && f.online()) {
            // 004: 信息变更 online on self-service filings only
            if (f.channel() == Channel.NATIONAL_APP_SELF_SERVICE && !o.changePending() && !o.cancellationPending()) {
                actions.add(CHANGE);
            }
            if (f.commitmentBased() && !f.bothPlaces() && !o.supplementLive()) {
                actions.add(SUPPLEMENT);
            }
            if (o.chronicQualified()) {
                actions.add(CHRONIC);
            }
            actions.add(CANCEL);
        }
        // the applicant may take back what nobody has decided yet; counter records are the counter's
        if (f.status() == FilingStatus.SUBMITTED && f.online()) {
            actions.add(WITHDRAW);
        }
        actions.add(DETAILS);
        return actions;
    }
}
