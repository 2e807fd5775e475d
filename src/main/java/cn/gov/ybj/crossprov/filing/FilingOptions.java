package cn.gov.ybj.crossprov.filing;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lifecycle requests of a filing allow beyond its status (004 §2): the records list
 * offers its actions from the filing and these, and shows the requests under review beside the status.
 *
 * @param cancellationPending   a 取消备案 request awaits review
 * @param changePending         a 信息变更 awaits review
 * @param supplementLive        补充材料 under review or approved: the action is no longer offered
 * @param chronicQualified      the person holds a 门诊慢特病 qualification
 * @param cancelAtCounterOnly   a quick filing made before its area switched to self-service (004 §2.1.1.2 提示)
 * @param supplementUnderReview 补充材料 awaits review (not yet approved)
 * @param chronicChoicePending  a 门诊慢特病医疗机构选择 awaits review
 */
public record FilingOptions(boolean cancellationPending, boolean changePending, boolean supplementLive,
                            boolean chronicQualified, boolean cancelAtCounterOnly, boolean supplementUnderReview,
                            boolean chronicChoicePending) {

    public static final FilingOptions NONE = new FilingOptions(false, false, false, false, false);

    /** Without the requests that only the list's secondary status shows. */
    public FilingOptions(boolean cancellationPending, boolean changePending, boolean supplementLive,
                         boolean chronicQualified, boolean cancelAtCounterOnly) {
        this(cancellationPending, changePending, supplementLive, chronicQualified, cancelAtCounterOnly, false, false);
    }

    /** A request on the filing under review: the person sees it beside the status (取消审核中 …). */
    public enum Pending {
        CANCELLATION("取消审核中", "Cancellation under review"),
        CHANGE("变更审核中", "Change under review"),
        SUPPLEMENT("补充材料审核中", "Supplement under review"),
        CHRONIC_CHOICE("门诊慢特病选择审核中", "Chronic-disease institution choice under review");

        private final String label;
        private final String labelEn;

        Pending(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }

        public String label(boolean english) {
            return english ? labelEn : label;
        }
    }

    /** The requests under review, in the order the list shows them. */
    public List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        if (cancellationPending) {
            pending.add(Pending.CANCELLATION);
        }
        if (changePending) {
            pending.add(Pending.CHANGE);
        }
        if (supplementUnderReview) {
            pending.add(Pending.SUPPLEMENT);
        }
        if (chronicChoicePending) {
            pending.add(Pending.CHRONIC_CHOICE);
        }
        return pending;
    }
}
