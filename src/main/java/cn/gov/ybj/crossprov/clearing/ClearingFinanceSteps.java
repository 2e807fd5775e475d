package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.workflow.EngineWork;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.Date;
import java.util.List;

/**
 * The service tasks and conditions of {@code bpmn/clearing-finance.bpmn} (a province's money after the
 * notices), thin: the records and rules are {@link ClearingFinance}'s. Variables: {@code month},
 * {@code province}, {@code pays}, {@code receives}, and each step's deadline ({@link EngineWork#dueVariable}).
 */
@Component("clearingFinanceSteps")
public class ClearingFinanceSteps {

    private final ClearingFinance finance;
    private final TaskService tasks;

    ClearingFinanceSteps(ClearingFinance finance, TaskService tasks) {
        this.finance = finance;
        this.tasks = tasks;
    }

    /** Whether the province pays, receives, or both this month. */
    public void begin(DelegateExecution execution) {
        String province = province(execution);
        List<PairAmount> pairs = finance.pairs(month(execution));
        execution.setVariable("pays", pairs.stream().anyMatch(p -> p.payer().equals(province)));
        execution.setVariable("receives", pairs.stream().anyMatch(p -> p.receiver().equals(province)));
    }

    /** The step opens: recorded with its deadline, which its task and timer read. */
    public void open(DelegateExecution execution, String step) {
        FinanceStep s = FinanceStep.valueOf(step);
        execution.setVariable(EngineWork.dueVariable(s), Date.from(finance.open(month(execution), province(execution), s)));
    }

    /** Every province paying this one has transferred: its receipt can be confirmed now. */
    public boolean incomingTransferred(DelegateExecution execution) {
        return finance.incomingTransferred(month(execution), province(execution));
    }

    /** Past the deadline: recorded, and the open task is offered to the national centre too (督办), first in its list. */
    public void escalate(DelegateExecution execution, String step) {
        FinanceStep s = FinanceStep.valueOf(step);
        finance.escalated(month(execution), province(execution), s);
        EngineWork.escalate(tasks, execution.getProcessInstanceId(), s.taskDefinitionKey(),
                ClearingTasks.group(AppUser.NATIONAL_CENTRE_CODE), ClearingTasks.ESCALATED_PRIORITY);
    }

    private static YearMonth month(DelegateExecution execution) {
        return YearMonth.parse((String) execution.getVariable("month"));
    }

    private static String province(DelegateExecution execution) {
        return (String) execution.getVariable("province");
    }
}
