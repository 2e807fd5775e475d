package cn.gov.ybj.crossprov.filing;

/**
 * What the lifecycle requests of a filing allow beyond its status (004 §2): the records list
 * offers its actions from the filing and these.
 *
 * @param cancellationPending a 取消备案 request awaits review
 * @param changePending       a 信息变更 awaits review
 * @param supplementLive      补充材料 under review or approved: the action is no longer offered
 * @param chronicQualified    the person holds a 门诊慢特病 qualification
 * @param cancelAtCounterOnly a quick filing made before its area switched to self-service (004 §2.1.1.2 提示)
 */
public record FilingOptions(boolean cancellationPending, boolean changePending, boolean supplementLive,
                            boolean chronicQualified, boolean cancelAtCounterOnly) {

    public static final FilingOptions NONE = new FilingOptions(false, false, false, false, false);
}
