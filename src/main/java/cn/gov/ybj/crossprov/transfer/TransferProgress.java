package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 医疗转移接续办理进度查询: every step of a case with its area and times, the current one marked
 * (the seed shows it in blue), read from the engine's history of the case; the refused step carries
 * the reason.
 */
@Service
public class TransferProgress {

    public enum StepState { DONE, CURRENT, PENDING, REFUSED }

    /**
     * @param due the step's working-day deadline, for clerk steps that have started
     * @param note the refusal reason, or what the step produced (凭证号, months)
     */
    public record Step(String activityId, String name, String nameEn, String areaCode, String areaName, Instant started,
                       Instant ended, Instant due, StepState state, String note) {
    }

    public record Progress(TransferCase transfer, List<Step> steps) {
        public Optional<Step> current() {
            return steps.stream().filter(s -> s.state() == StepState.CURRENT).findFirst();
        }
    }

    static final String START = "StartEvent_TransferApplied";
    static final String COMPLETED = "EndEvent_TransferCompleted";

    private final TransferCases cases;
    private final HistoryService history;
    private final DivisionNames divisions;

    TransferProgress(TransferCases cases, HistoryService history, DivisionNames divisions) {
        this.cases = cases;
        this.history = history;
        this.divisions = divisions;
    }

    /** The case's steps, if the user may see the case. */
    public Optional<Progress> of(AppUser user, UUID id) {
        return cases.find(user, id).map(this::progress);
    }

    Progress progress(TransferCase c) {
        Map<String, HistoricActivityInstance> activities = new HashMap<>();
        Map<String, HistoricTaskInstance> tasks = new HashMap<>();
        if (c.getProcessInstanceId() != null) {
            history.createHistoricActivityInstanceQuery().processInstanceId(c.getProcessInstanceId()).list().stream()
                    .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
                    .forEach(a -> activities.put(a.getActivityId(), a)); // the latest instance of each
            history.createHistoricTaskInstanceQuery().processInstanceId(c.getProcessInstanceId()).list()
                    .forEach(t -> tasks.put(t.getTaskDefinitionKey(), t));
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(START, "提交" + (c.getDirection() == Direction.IN ? "异地转入" : "转出") + "申请",
                "Application submitted", applicationArea(c), name(applicationArea(c)), c.getSubmittedAt(),
                c.getSubmittedAt(), null, StepState.DONE, "流水号 " + c.getSerialNo()));
        if (c.getDirection() == Direction.IN) {
            steps.add(task(c, TransferCases.ACCEPT_TASK, "转入地前台落地审核", "On-site check in the in-area",
                    c.getInAreaCode(), TransferStatus.IN_AREA_ACCEPTANCE, activities, tasks, null));
        }
        steps.add(task(c, TransferCases.OUT_REVIEW_TASK, "转出地审核", "Review in the out-area", c.getOutAreaCode(),
                TransferStatus.OUT_AREA_REVIEW, activities, tasks, null));
        steps.add(task(c, TransferCases.TRANSFER_OUT_TASK, "转出地办理转出", "Transfer-out", c.getOutAreaCode(),
                TransferStatus.TRANSFERRING_OUT, activities, tasks,
                c.getCertificateNo() == null ? null : "参保凭证号 " + c.getCertificateNo()));
        steps.add(task(c, TransferCases.TRANSFER_IN_TASK, "转入地办理接续", "Transfer-in", c.getInAreaCode(),
                TransferStatus.TRANSFERRING_IN, activities, tasks,
                c.getAccumulatedMonths() == null ? null : "累计缴费月数 " + c.getAccumulatedMonths()));
        boolean completed = c.getStatus() == TransferStatus.COMPLETED;
        steps.add(new Step(COMPLETED, "办结", "Completed", c.getInAreaCode(), name(c.getInAreaCode()),
                completed ? c.getTransferredInAt() : null, completed ? c.getTransferredInAt() : null, null,
                completed ? StepState.DONE : StepState.PENDING, null));
        return new Progress(c, steps);
    }

    private Step task(TransferCase c, String key, String name, String nameEn, String area, TransferStatus stepStatus,
                      Map<String, HistoricActivityInstance> activities, Map<String, HistoricTaskInstance> tasks, String note) {
        HistoricActivityInstance a = activities.get(key);
        HistoricTaskInstance t = tasks.get(key);
        StepState state;
        if (c.getStatus() == TransferStatus.REFUSED && c.getRefusedStep() == stepStatus) {
            state = StepState.REFUSED;
            note = c.getRefuseReason();
        } else if (a == null) {
            state = StepState.PENDING;
        } else {
            state = a.getEndTime() == null ? StepState.CURRENT : StepState.DONE;
        }
        return new Step(key, name, nameEn, area, name(area), a == null ? null : instant(a.getStartTime()),
                a == null ? null : instant(a.getEndTime()), t == null ? null : instant(t.getDueDate()), state, note);
    }

    private static String applicationArea(TransferCase c) {
        return c.getDirection() == Direction.IN ? c.getInAreaCode() : c.getOutAreaCode();
    }

    private String name(String code) {
        return divisions.name(code).orElse(code);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
