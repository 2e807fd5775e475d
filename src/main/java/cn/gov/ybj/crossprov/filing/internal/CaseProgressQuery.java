package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import cn.gov.ybj.crossprov.filing.CaseProgress.Stage;
import cn.gov.ybj.crossprov.filing.CaseProgress.Step;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 办件进度: the items of the given persons from the module's own tables (which say whose they
 * are), and the steps of one item in the applicant's words: a filing's from its history
 * ({@code app.filing_event}), a request's from the engine's history, the review in hand from its task.
 */
@Component
public class CaseProgressQuery {

    private static final Map<String, String> REQUEST_STATES = Map.of(
            "PENDING", "审核中", "UNDER_REVIEW", "审核中", "APPLIED", "已变更", "APPROVED", "审核通过",
            "REFUSED", "未通过", "RETURNED", "被退回");
    private static final Map<String, String> REQUEST_STATES_EN = Map.of(
            "PENDING", "Under review", "UNDER_REVIEW", "Under review", "APPLIED", "Changed", "APPROVED", "Approved",
            "REFUSED", "Refused", "RETURNED", "Returned");

    /**
     * The activities of the four request processes that are steps to the applicant, in their words;
     * every other activity (gateways, 受理, 转人工审核, escalation, end events) is the engine's plumbing.
     * A filing's own steps come from its history instead ({@link #filingSteps}).
     */
    static final Map<String, Stage> REQUEST_STEPS = Map.ofEntries(
            // bpmn/filing-change.bpmn
            Map.entry("StartEvent_ChangeRequested", Stage.SUBMITTED),
            Map.entry("Task_ReviewChange", Stage.REVIEW),
            Map.entry("Task_RefuseChange", Stage.REFUSED),
            Map.entry("Task_ApplyChange", Stage.CHANGED),
            // bpmn/filing-cancellation.bpmn
            Map.entry("StartEvent_CancellationRequested", Stage.SUBMITTED),
            Map.entry("Task_ReviewCancellation", Stage.REVIEW),
            Map.entry("Task_RefuseCancellation", Stage.REFUSED),
            Map.entry("Task_CloseFiling", Stage.CANCELLED),
            // bpmn/chronic-institution-choice.bpmn
            Map.entry("StartEvent_ChoiceSubmitted", Stage.SUBMITTED),
            Map.entry("Task_ReviewChoice", Stage.REVIEW),
            Map.entry("Task_ApproveChoice", Stage.APPROVED),
            Map.entry("Task_RefuseChoice", Stage.REFUSED),
            // bpmn/supplemental-materials.bpmn
            Map.entry("StartEvent_SupplementSubmitted", Stage.SUBMITTED),
            Map.entry("Task_ReviewSupplement", Stage.REVIEW),
            Map.entry("Task_ApproveSupplement", Stage.APPROVED),
            Map.entry("Task_ReturnSupplement", Stage.RETURNED));

    /** The review user tasks of the five processes: their due date is the working-day deadline set by {@code Reviews.open}. */
    static final List<String> REVIEW_TASKS = List.of("Task_ReviewFiling", "Task_ReviewChange", "Task_ReviewCancellation",
            "Task_ReviewChoice", "Task_ReviewSupplement");

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final TaskService tasks;
    private final FilingStore store;
    private final PoolingAreas areas;

    CaseProgressQuery(JdbcClient jdbc, HistoryService history, TaskService tasks, FilingStore store, PoolingAreas areas) {
        this.jdbc = jdbc;
        this.history = history;
        this.tasks = tasks;
        this.store = store;
        this.areas = areas;
    }

    /** Newest first. */
    public List<CaseProgress> of(Collection<String> persons) {
        if (persons.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT process_instance_id AS pi, 'FILING' AS kind, id AS filing_id, application_serial AS ref,
                               person_name, submitted_at AS at, status AS state, review_mode AS mode
                        FROM app.filing WHERE person_id_number IN (:persons)
                        UNION ALL
                        SELECT process_instance_id, kind, filing_id, reference, person_name, at, status, NULL
                        FROM app.filing_request WHERE person_id_number IN (:persons)
                        ORDER BY at DESC""")
                .param("persons", persons)
                .query((rs, i) -> {
                    CaseProgress.Kind kind = CaseProgress.Kind.valueOf(rs.getString("kind"));
                    String state = rs.getString("state");
                    String mode = rs.getString("mode");
                    return new CaseProgress(rs.getString("pi"), kind, rs.getObject("filing_id", UUID.class),
                            rs.getString("ref"), rs.getString("person_name"), rs.getTimestamp("at").toInstant(),
                            stateLabel(kind, state, mode, false), stateLabel(kind, state, mode, true), pending(kind, state));
                })
                .list()
                .stream().filter(p -> p.processInstanceId() != null).toList();
    }

    private static String stateLabel(CaseProgress.Kind kind, String state, String mode, boolean english) {
        if (kind == CaseProgress.Kind.FILING) {
            return FilingStatus.valueOf(state).label(mode == null ? ReviewMode.MANUAL : ReviewMode.valueOf(mode), english);
        }
        if (kind == CaseProgress.Kind.CANCELLATION && "APPROVED".equals(state)) {
            return english ? "Closed" : "已关闭";
        }
        return (english ? REQUEST_STATES_EN : REQUEST_STATES).getOrDefault(state, state);
    }

    /** A filing is in hand while 申办中 or 被退回 (the applicant corrects it); a request while under review. */
    private static boolean pending(CaseProgress.Kind kind, String state) {
        return kind == CaseProgress.Kind.FILING
                ? "SUBMITTED".equals(state) || "RETURNED".equals(state)
                : "PENDING".equals(state) || "UNDER_REVIEW".equals(state);
    }

    /**
     * The item's steps in the applicant's words, oldest first. The step in hand is current and
     * says which agency handles it, its phone and, for a review, its due date as the review task
     * has it (set from the working-day calendar when the review was opened).
     */
    public List<Step> steps(CaseProgress item) {
        Optional<Filing> filing = item.filingId() == null ? Optional.empty() : store.find(item.filingId());
        List<Step> steps = new ArrayList<>(item.kind() == CaseProgress.Kind.FILING && filing.isPresent()
                ? filingSteps(store.events(filing.get().id()))
                : requestSteps(item.processInstanceId()));
        Optional<Task> review = tasks.createTaskQuery().processInstanceId(item.processInstanceId())
                .taskDefinitionKeyIn(REVIEW_TASKS.toArray(String[]::new)).list().stream().findFirst();
        if (review.isPresent() && item.kind() == CaseProgress.Kind.FILING) {
            // a filing's history has no event for a review being opened: the engine's task is the step
            steps.add(new Step(Stage.REVIEW, review.get().getCreateTime().toInstant(), null));
        }
        if (!item.pending() || steps.isEmpty()) {
            return steps;
        }
        int last = steps.size() - 1;
        Optional<PoolingArea> agency = filing.flatMap(f -> areas.find(f.insuredAreaCode()));
        steps.set(last, steps.get(last).current(review.map(t -> t.getDueDate() == null ? null : t.getDueDate().toInstant()).orElse(null),
                agency.map(PoolingArea::agencyName).filter(n -> !n.isBlank()).orElse(null),
                agency.map(PoolingArea::agencyPhone).filter(n -> !n.isBlank()).orElse(null)));
        return steps;
    }

    /**
     * A filing application's steps are the changes of its status in its history, up to its outcome
     * (备案成功, 备案失败 or withdrawn): each at the time of its event, so the timeline and the
     * history agree. Events that change no status (notes, escalation) are not steps; what happens
     * to an opened filing later is the business of its own requests' items.
     */
    static List<Step> filingSteps(List<Filing.Event> events) {
        List<Step> steps = new ArrayList<>();
        FilingStatus previous = null;
        for (Filing.Event e : events) {
            if (e.status() == previous) {
                continue;
            }
            Stage stage = switch (e.status()) {
                case SUBMITTED -> previous == null ? Stage.SUBMITTED : Stage.RESUBMITTED;
                case RETURNED -> Stage.RETURNED;
                case OPENED -> Stage.FILED;
                case FAILED -> Stage.FAILED;
                case CLOSED -> Stage.WITHDRAWN; // before opening, only the applicant closes a filing
            };
            steps.add(new Step(stage, e.at(), e.at()));
            previous = e.status();
            if (previous != FilingStatus.SUBMITTED && previous != FilingStatus.RETURNED) {
                break;
            }
        }
        return steps;
    }

    /** A request's steps from the engine's history, those the applicant understands, in the order they happened. */
    private List<Step> requestSteps(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .filter(a -> REQUEST_STEPS.containsKey(a.getActivityId()))
                .map(a -> new Step(REQUEST_STEPS.get(a.getActivityId()), a.getStartTime().toInstant(),
                        a.getEndTime() == null ? null : a.getEndTime().toInstant()))
                .toList();
    }
}
