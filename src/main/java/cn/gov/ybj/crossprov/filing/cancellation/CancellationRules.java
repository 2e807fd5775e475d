package cn.gov.ybj.crossprov.filing.cancellation;

import cn.gov.ybj.crossprov.filing.internal.FilingRules;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;

/** 取消备案 rules (004 §2.1.1.2, §2.2.1.2, 001 承诺书 6) that need no lookup; each refusal in both languages. */
final class CancellationRules {

    static final String PENDING_ZH = "此备案存在未审核通过的撤销申请，不支持再次申请";
    static final String PENDING_EN = "A cancellation request for this filing is awaiting review; a second one is not possible";

    private CancellationRules() {
    }

    static BusinessRuleException pending() {
        return new BusinessRuleException(PENDING_ZH, PENDING_EN);
    }

    /**
     * Whether the filing may be cancelled through this channel now.
     *
     * @param area the insured pooling area (for the counter-only rule and the agency to name)
     */
    static void check(Filing f, Cancellation.Via via, boolean pending, PoolingArea area) {
        if (f.status() == FilingStatus.CLOSED) {
            throw new BusinessRuleException("该备案已关闭，无需再次取消", "This filing is already closed; there is nothing to cancel");
        }
        if (f.status() != FilingStatus.OPENED) {
            throw new BusinessRuleException("只有备案成功（已开通）的备案可以取消", "Only opened filings can be cancelled");
        }
        if (pending) {
            throw pending();
        }
        if (via == Cancellation.Via.ONLINE) {
            if (!f.online()) {
                throw new BusinessRuleException("地方平台（窗口）办理的备案请到参保地医保经办机构窗口取消" + agency(area),
                        "A filing made at a counter or local platform is cancelled at the insured area's counter" + agencyEn(area));
            }
            if (area != null && FilingRules.cancelAtCounterOnly(f, area)) {
                throw new BusinessRuleException("该备案为参保地切换为自助备案前办理的快速备案，不支持线上取消，请到参保地医保经办机构窗口办理"
                        + agency(area),
                        "This quick filing was made before the insured area switched to self-service filing and cannot be "
                                + "cancelled online; please go to the counter of the insured area's medical insurance agency"
                                + agencyEn(area));
            }
        }
    }

    /** A quick (manually reviewed) filing cancelled online waits for the insured area's review; all else closes at once. */
    static boolean needsReview(Filing f, Cancellation.Via via) {
        return via == Cancellation.Via.ONLINE && f.channel() == Channel.NATIONAL_APP_QUICK && f.reviewMode() != ReviewMode.AUTO;
    }


    private static String agency(PoolingArea area) {
        if (area == null || area.agencyName() == null || area.agencyName().isBlank()) {
            return "";
        }
        String phone = area.agencyPhone() == null || area.agencyPhone().isBlank() ? "" : "，电话 " + area.agencyPhone();
        return "（" + area.agencyName() + phone + "）";
    }

    private static String agencyEn(PoolingArea area) {
        if (area == null || area.agencyName() == null || area.agencyName().isBlank()) {
            return "";
        }
        String phone = area.agencyPhone() == null || area.agencyPhone().isBlank() ? "" : ", phone " + area.agencyPhone();
        return " (" + area.agencyName() + phone + ")";
    }
}
