package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.identity.Roles;

/**
 * The steps of a province after the notices (003 第三十六、三十七条, {@code bpmn/clearing-finance.bpmn}),
 * each with its task, the role that does it and its term in working days ({@link FinanceTerms}).
 */
public enum FinanceStep {
    /** 第三十六条: 下载通知书后5个工作日内提交同级财政部门 (every province with amounts) */
    HAND_OVER("Task_HandNoticesToFinance", Roles.FINANCE, "提交同级财政部门", "Hand the notices to the finance department"),
    /** 第三十六条: 财政部门审核无误后10个工作日内向就医地省级财政部门划拨资金 (a paying province) */
    TRANSFER("Task_RecordTransfer", Roles.FINANCE, "财政划拨清算资金", "Finance transfers the clearing funds"),
    /** 第三十六条: 完成拨付后5个工作日内将划拨信息以书面形式反馈 (a paying province) */
    FEEDBACK("Task_RecordFinanceFeedback", Roles.FINANCE, "财政书面反馈划拨信息", "Finance reports the transfer in writing"),
    /** 第三十六条: 省级经办机构向部级经办机构反馈到账信息 (a paying province; the term is a setting) */
    REPORT("Task_ReportToCentre", Roles.CLEARING, "向部级经办机构反馈划拨信息", "Report the transfer to the national centre"),
    /** the receiving province confirms what every paying province transferred has arrived (the term is a setting) */
    RECEIPT("Task_ConfirmReceipt", Roles.FINANCE, "确认清算资金到账", "Confirm the clearing funds have arrived"),
    /** 第三十七条: 省级经办机构之间完成清算后的5个工作日内完成辖区内各统筹地区的上解或下拨 */
    SETTLE_AREAS("Task_SettlePoolingAreas", Roles.FINANCE, "统筹地区资金上解/下拨", "Collect from / pay out to the pooling areas");

    private final String taskDefinitionKey;
    private final String role;
    private final String label;
    private final String labelEn;

    FinanceStep(String taskDefinitionKey, String role, String label, String labelEn) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.role = role;
        this.label = label;
        this.labelEn = labelEn;
    }

    /** the user task of the step in {@code bpmn/clearing-finance.bpmn} */
    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    /** {@link Roles#FINANCE} (财务岗) or {@link Roles#CLEARING} (清算岗) of the province */
    public String role() {
        return role;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    static FinanceStep ofTask(String taskDefinitionKey) {
        for (FinanceStep s : values()) {
            if (s.taskDefinitionKey.equals(taskDefinitionKey)) {
                return s;
            }
        }
        return null;
    }
}
