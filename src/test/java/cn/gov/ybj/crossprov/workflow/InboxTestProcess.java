package cn.gov.ybj.crossprov.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * A review the way the business modules model theirs, without their tables: one user task for
 * the area's clerks with a due date, and a non-interrupting timer that escalates it through
 * {@link ClerkInbox#escalate} (the bean, as the modules' escalation steps call it).
 */
public final class InboxTestProcess {

    public static final String KEY = "inbox-test";
    public static final String TASK = "Task_InboxTest";

    private InboxTestProcess() {
    }

    /** Deploys the process once per database (duplicates are filtered). */
    public static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name(KEY).enableDuplicateFiltering(false)
                .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask(TASK).name("收件箱测试").camundaCandidateGroups("${reviewGroup}").camundaDueDate("${reviewDue}")
                        .boundaryEvent("Timer_Escalate").cancelActivity(false).timerWithDate("${escalateAt}")
                        .serviceTask("Escalate").camundaExpression("${clerkInbox.escalate(execution.processInstanceId, '" + TASK + "', areaCode)}")
                        .endEvent("EndEvent_Escalated")
                        .moveToActivity(TASK).endEvent("EndEvent_Reviewed")
                        .done())
                .deploy();
    }

    /**
     * Starts a case whose task is due at {@code due}; its escalation timer is due a year later,
     * so the job executor never fires it during a test: {@link #escalateNow} does.
     */
    public static Task start(ProcessEngine engine, String area, Instant due) {
        String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(
                "reviewGroup", ClerkInbox.areaGroup(area), "areaCode", area, "reviewDue", Date.from(due),
                "escalateAt", Date.from(due.plusSeconds(365L * 24 * 3600)))).getId();
        return engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    }

    /** Fires the case's escalation timer, as the job executor does when it is due. */
    public static void escalateNow(ProcessEngine engine, Task task) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                .singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }
}
