package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.identity.Roles;

/**
 * The steps of an emergency top-up (003 第二十一–二十三条, {@code bpmn/prepayment-top-up.bpmn}): who does
 * each (the receiving province, the centre, the paying province; role {@code prepayment} or
 * {@code finance}) and its term in working days ({@code app.prepayment.top-up.*-days}).
 */
public enum TopUpStep {
    /** 第二十一条: 就医地省级经办机构报送调增申请 (no term in the seed: a setting) */
    APPLY("Task_ApplyTopUp", Side.RECEIVING, Roles.PREPAYMENT, "报送预付金额度调增申请", "Apply for the emergency top-up", 5),
    /** 第二十一条: 部级经办机构审核确认 (no term in the seed: a setting) */
    REVIEW("Task_ReviewTopUp", Side.CENTRE, Roles.PREPAYMENT, "审核调增额度", "Review the top-up", 5),
    /** 第二十二条: 接到紧急调增通知书5个工作日内提交同级财政部门 */
    HAND_OVER("Task_HandOverTopUp", Side.PAYING, Roles.FINANCE, "提交同级财政部门", "Hand the notice to finance", 5),
    /** 第二十二条: 审核无误后10个工作日内完成拨付 */
    TRANSFER("Task_TransferTopUp", Side.PAYING, Roles.FINANCE, "财政拨付紧急调增资金", "Finance transfers the top-up", 10),
    /** 第二十三条: 5个工作日内将拨付汇总表书面反馈 */
    FEEDBACK("Task_RecordTopUpFeedback", Side.PAYING, Roles.FINANCE, "财政书面反馈拨付信息", "Finance reports the transfer in writing", 5),
    /** 第二十三条: 省级经办机构同时向部级经办机构反馈到账信息 (the receiving province; term a setting) */
    REPORT("Task_ReportTopUpArrival", Side.RECEIVING, Roles.PREPAYMENT, "向部级经办机构反馈到账信息", "Report the arrival to the centre", 5);

    /** whose step it is */
    public enum Side { PAYING, RECEIVING, CENTRE }

    private final String taskDefinitionKey;
    private final Side side;
    private final String role;
    private final String label;
    private final String labelEn;
    private final int defaultDays;

    TopUpStep(String taskDefinitionKey, Side side, String role, String label, String labelEn, int defaultDays) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.side = side;
        this.role = role;
        this.label = label;
        this.labelEn = labelEn;
        this.defaultDays = defaultDays;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    public Side side() {
        return side;
    }

    public String role() {
        return role;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    int defaultDays() {
        return defaultDays;
    }

    static TopUpStep ofTask(String taskDefinitionKey) {
        for (TopUpStep s : values()) {
            if (s.taskDefinitionKey.equals(taskDefinitionKey)) {
                return s;
            }
        }
        return null;
    }
}
