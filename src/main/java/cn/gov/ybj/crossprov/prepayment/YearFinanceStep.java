package cn.gov.ybj.crossprov.prepayment;

/**
 * The steps of a province's year of prepayment money (003 第十九条, {@code bpmn/prepayment-year-finance.bpmn}),
 * all the province's finance officers', and their terms in working days ({@code app.prepayment.year.*-days}).
 * In a yearly run no deadline is later than the end of February (「各省应于每年2月底前完成预付金的收付工作」).
 */
public enum YearFinanceStep {
    /** 第十九条: 下载预付金额度调整通知书，5个工作日内提交同级财政部门 */
    HAND_OVER("Task_HandOverPrepaymentNotice", "提交同级财政部门", "Hand the notice to finance", 5),
    /** 第十九条: 审核无误后10个工作日内进行划款 (the province that owes: a payer's increase, a receiver's refund) */
    TRANSFER("Task_TransferPrepayment", "财政划拨预付金", "Finance transfers the prepayment", 10),
    /** the province owed confirms the arrival (no term in the seed: a setting) */
    RECEIPT("Task_ConfirmPrepaymentArrival", "确认预付金到账", "Confirm the prepayment has arrived", 5);

    private final String taskDefinitionKey;
    private final String label;
    private final String labelEn;
    private final int defaultDays;

    YearFinanceStep(String taskDefinitionKey, String label, String labelEn, int defaultDays) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.label = label;
        this.labelEn = labelEn;
        this.defaultDays = defaultDays;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
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

    static YearFinanceStep ofTask(String taskDefinitionKey) {
        for (YearFinanceStep s : values()) {
            if (s.taskDefinitionKey.equals(taskDefinitionKey)) {
                return s;
            }
        }
        return null;
    }
}
