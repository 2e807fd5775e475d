package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.workflow.EngineWork;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The service tasks of {@code bpmn/prepayment-top-up.bpmn}, thin: the records are {@link TopUps}'. Variables:
 * {@code topUpId}, {@code year}, {@code payingProvince}, {@code receivingProvince}, {@code approved}, and each
 * step's deadline ({@link EngineWork#dueVariable}: {@code applyDue}, {@code handOverDue}, …).
 */
@Component("topUpSteps")
public class TopUpSteps {

    private final TopUps topUps;
    private final TaskService tasks;

    TopUpSteps(TopUps topUps, TaskService tasks) {
        this.topUps = topUps;
        this.tasks = tasks;
    }

    /** The step opens with its deadline, which its task and timer read. */
    public void open(DelegateExecution execution, String step) {
        TopUpStep s = TopUpStep.valueOf(step);
        execution.setVariable(EngineWork.dueVariable(s), Date.from(topUps.openStep(topUpId(execution), s)));
    }

    /** Past the deadline: recorded; the open task is offered to the centre too (督办), first in its list. */
    public void escalate(DelegateExecution execution, String step) {
        TopUpStep s = TopUpStep.valueOf(step);
        topUps.escalated(topUpId(execution), s);
        EngineWork.escalate(tasks, execution.getProcessInstanceId(), s.taskDefinitionKey(),
                TopUps.group(cn.gov.ybj.crossprov.identity.Roles.PREPAYMENT, AppUser.NATIONAL_CENTRE_CODE), TopUps.ESCALATED_PRIORITY);
    }

    /** 第二十三条: the arrival reported — the pair's prepayment grows. */
    public void arrived(DelegateExecution execution) {
        topUps.arrived(topUpId(execution));
    }

    private static String topUpId(DelegateExecution execution) {
        return (String) execution.getVariable("topUpId");
    }
}
