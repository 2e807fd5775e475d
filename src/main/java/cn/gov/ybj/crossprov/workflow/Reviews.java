package cn.gov.ybj.crossprov.workflow;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The review kit: a clerk of a pooling area reviews a business subject (a filing, a transfer
 * case, a settlement …) in a user task of the subject's process. The process model keeps the
 * shape every review has:
 * <pre>
 *   service task  ${xxxSteps.startReview(execution)}  → calls {@link #open}
 *   user task     candidateGroups="${reviewGroup}" dueDate="${reviewDue}"
 *     non-interrupting timer boundary event at ${reviewDue} → ${xxxSteps.escalate(execution)} → {@link #escalate}
 *   gateway on    ${decision == 'APPROVE'} / 'RETURN' / 'REFUSE'
 * </pre>
 * The module keeps its rules, its rows and its screens; the kit keeps who may see and decide a
 * task, the working-day deadline, the decision's variables and escalation.
 */
@Service
public class Reviews {

    /** Process variables the kit sets and the process models read. */
    public static final String GROUP = "reviewGroup";
    public static final String DUE = "reviewDue";
    public static final String SUBJECT = "reviewSubject";
    public static final String AREA = "reviewArea";
    public static final String DECISION = "decision";
    public static final String REVIEWER = "reviewer";

    private final ClerkInbox inbox;
    private final WorkingDays workingDays;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HandledTasks handled;

    Reviews(ClerkInbox inbox, WorkingDays workingDays, RuntimeService runtime, TaskService tasks, HandledTasks handled) {
        this.inbox = inbox;
        this.handled = handled;
        this.workingDays = workingDays;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** What is under review: a type the module names (e.g. {@code filing}) and the subject's id. */
    public record Subject(String type, String id) {
        public Subject {
            Objects.requireNonNull(type);
            Objects.requireNonNull(id);
        }

        public static Subject of(String type, Object id) {
            return new Subject(type, String.valueOf(id));
        }

        String key() {
            return type + ":" + id;
        }
    }

    /**
     * How a clerk ends a review, and the variable that carries the reason: RETURN sends the
     * subject back to the applicant to correct, REFUSE refuses it and nothing changes.
     */
    public enum Outcome {
        APPROVE(null, null, null),
        RETURN("returnReason", "退回时请填写退回原因", "Please give the reason for returning it"),
        REFUSE("refuseReason", "不予通过时请填写原因", "Please give the reason for refusing it");

        private final String reasonVariable;
        private final String missingZh;
        private final String missingEn;

        Outcome(String reasonVariable, String missingZh, String missingEn) {
            this.reasonVariable = reasonVariable;
            this.missingZh = missingZh;
            this.missingEn = missingEn;
        }
    }

    /** A review task as a clerk of its area sees it; {@code subject} is null for cases opened before the kit. */
    public record Task(String taskId, String taskDefinitionKey, String processInstanceId, Subject subject) {
    }

    /**
     * Opens the review in the running case: offered to the clerks of {@code areaCode}, due in
     * {@code dueInWorkingDays} working days on the official calendar (holidays and 调休).
     */
    public void open(DelegateExecution execution, Subject subject, String areaCode, int dueInWorkingDays) {
        open(execution, subject, areaCode, workingDays.due(dueInWorkingDays));
    }

    /**
     * Opens a review with a due date set earlier, for steps that share one deadline (the
     * out-area's review and transfer-out together within 10 working days of acceptance).
     */
    public void open(DelegateExecution execution, Subject subject, String areaCode, java.util.Date due) {
        execution.setVariable(GROUP, ClerkInbox.areaGroup(areaCode));
        execution.setVariable(DUE, due);
        execution.setVariable(SUBJECT, subject.key());
        execution.setVariable(AREA, areaCode);
        clearDecision(execution);
    }

    /**
     * Removes the last round's {@code decision}, reasons and {@code reviewer} from the case, so a
     * case back in review (a returned filing resubmitted) shows none in Cockpit and no later step
     * reads a stale one. Call it once the steps after the decision have read them: the gateways
     * read {@code decision} right after the task, the recording steps before the next {@link #open}.
     */
    public static void clearDecision(DelegateExecution execution) {
        execution.removeVariable(DECISION);
        execution.removeVariable(REVIEWER);
        for (Outcome o : Outcome.values()) {
            if (o.reasonVariable != null) {
                execution.removeVariable(o.reasonVariable);
            }
        }
    }

    /**
     * The review task if it is of this type and the clerk may work on it (a clerk of the task's
     * area, or its supervisor); absent otherwise, also for another area's task id.
     */
    public Optional<Task> find(AppUser clerk, String taskId, String taskDefinitionKey) {
        return find(clerk, taskId, java.util.Set.of(taskDefinitionKey));
    }

    /** {@link #find(AppUser, String, String)} for a process with several review steps. */
    public Optional<Task> find(AppUser clerk, String taskId, java.util.Collection<String> taskDefinitionKeys) {
        return inbox.find(clerk, taskId)
                .filter(t -> taskDefinitionKeys.contains(t.taskDefinitionKey()))
                .flatMap(t -> {
                    Map<String, Object> v = runtime.getVariables(t.processInstanceId(), List.of(SUBJECT, AREA));
                    Object area = v.get(AREA);
                    if (area != null && !area.equals(clerk.unitCode())) {
                        return Optional.empty();
                    }
                    return Optional.of(new Task(t.taskId(), t.taskDefinitionKey(), t.processInstanceId(),
                            subject((String) v.get(SUBJECT))));
                });
    }

    /**
     * The clerk's decision: completes the task (claiming it first if nobody holds it) and hands
     * {@code decision}, the reason and {@code reviewer} to the case; the decision joins the clerk's
     * 已办任务 ({@link HandledTasks}).
     *
     * @throws BusinessRuleException without a reason when not approving, with one over 500
     *                               characters, or for a task the clerk may not work on
     */
    public void decide(AppUser clerk, String taskId, Outcome outcome, String reason) {
        if (outcome != Outcome.APPROVE && (reason == null || reason.isBlank())) {
            throw new BusinessRuleException(outcome.missingZh, outcome.missingEn);
        }
        if (reason != null && reason.strip().length() > 500) {
            throw new BusinessRuleException("原因不超过 500 字", "The reason is limited to 500 characters");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, outcome.name());
        if (outcome.reasonVariable != null) {
            variables.put(outcome.reasonVariable, reason.strip());
        }
        variables.put(REVIEWER, clerk.account());
        ClerkInbox.Item task = inbox.find(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        CaseSummaries.CaseSummary summary = handled.summaryBefore(task.processInstanceId());
        inbox.complete(clerk, taskId, variables);
        handled.record(clerk, task, summary, outcome, reason == null ? null : reason.strip());
    }

    /** The clerk who decided, or null when the case decided itself. */
    public static String reviewer(DelegateExecution execution) {
        return (String) execution.getVariable(REVIEWER);
    }

    /** The reason the clerk gave for returning or refusing. */
    public static String reason(DelegateExecution execution, Outcome outcome) {
        return (String) execution.getVariable(outcome.reasonVariable);
    }

    /**
     * 逾期升级, called by the review's timer at its due date: the open task is offered to the
     * area's supervisors too and marked 已督办 (top priority, sorted first); it stays with its clerks.
     */
    public void escalate(DelegateExecution execution, String areaCode) {
        for (org.camunda.bpm.engine.task.Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            inbox.escalate(t.getId(), areaCode);
        }
    }

    /**
     * Ends every open review of the subject, when the subject closes: their cases end with the
     * reason and their tasks leave the inbox. The calling case itself is kept.
     *
     * @param alsoEnd cases the module knows to be about the subject that may predate the kit's variables
     * @return the ended cases
     */
    public List<String> endAll(Subject subject, String reason, String callingProcessInstanceId, List<String> alsoEnd) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(alsoEnd);
        runtime.createProcessInstanceQuery().variableValueEquals(SUBJECT, subject.key()).list().stream()
                .map(ProcessInstance::getId).forEach(ids::add);
        ids.remove(callingProcessInstanceId);
        List<String> running = ids.isEmpty() ? List.of() : runtime.createProcessInstanceQuery()
                .processInstanceIds(ids).list().stream().map(ProcessInstance::getId).toList();
        running.forEach(pi -> runtime.deleteProcessInstance(pi, reason));
        return running;
    }

    /** The one answer for a task that does not exist or is not the clerk's: nothing is said about others' tasks. */
    public static BusinessRuleException taskNotFound() {
        return new BusinessRuleException("任务不存在或无权办理", "No such task, or not yours");
    }

    private static Subject subject(String key) {
        if (key == null) {
            return null;
        }
        int colon = key.indexOf(':');
        return new Subject(key.substring(0, colon), key.substring(colon + 1));
    }
}
