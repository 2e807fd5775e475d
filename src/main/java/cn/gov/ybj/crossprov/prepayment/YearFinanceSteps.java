package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.workflow.EngineWork;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The service tasks and conditions of {@code bpmn/prepayment-year-finance.bpmn}, thin: the records and rules are
 * {@link YearFinances}'. Variables: {@code year}, {@code province}, {@code pays}, {@code receives}, and each
 * step's deadline ({@link EngineWork#dueVariable}).
 */
@Component("yearFinanceSteps")
public class YearFinanceSteps {

    private final YearFinances finances;
    private final TaskService tasks;

    YearFinanceSteps(YearFinances finances, TaskService tasks) {
        this.finances = finances;
        this.tasks = tasks;
    }

    /** The step opens: recorded with its deadline, which its task and timer read. */
    public void open(DelegateExecution execution, String step) {
        YearFinanceStep s = YearFinanceStep.valueOf(step);
        execution.setVariable(EngineWork.dueVariable(s), Date.from(finances.openStep(year(execution), province(execution), s)));
    }

    /** Everyone owing this province has transferred: its arrival can be confirmed now. */
    public boolean incomingTransferred(DelegateExecution execution) {
        return finances.incomingTransferred(year(execution), province(execution));
    }

    /** Past the deadline: recorded; the open task is offered to the centre too (督办), first in its list. */
    public void escalate(DelegateExecution execution, String step) {
        YearFinanceStep s = YearFinanceStep.valueOf(step);
        finances.escalated(year(execution), province(execution), s);
        EngineWork.escalate(tasks, execution.getProcessInstanceId(), s.taskDefinitionKey(),
                TopUps.group(Roles.PREPAYMENT, AppUser.NATIONAL_CENTRE_CODE), TopUps.ESCALATED_PRIORITY);
    }

    private static int year(DelegateExecution execution) {
        return (Integer) execution.getVariable("year");
    }

    private static String province(DelegateExecution execution) {
        return (String) execution.getVariable("province");
    }
}
