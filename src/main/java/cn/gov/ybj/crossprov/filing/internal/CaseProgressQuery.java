package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 办件进度: the items of the given persons from the module's own tables (which say whose they
 * are), and the steps of one item's case from the engine's history.
 */
@Component
public class CaseProgressQuery {

    /** Activities a person understands as steps; gateways and the like are plumbing. */
    private static final Set<String> STEP_TYPES = Set.of(ActivityTypes.START_EVENT, ActivityTypes.TASK_SERVICE,
            ActivityTypes.TASK_BUSINESS_RULE, ActivityTypes.TASK_USER_TASK, ActivityTypes.TASK_RECEIVE_TASK,
            ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, ActivityTypes.BOUNDARY_TIMER, ActivityTypes.END_EVENT_NONE);

    private static final Map<String, String> REQUEST_STATES = Map.of(
            "PENDING", "审核中", "UNDER_REVIEW", "审核中", "APPLIED", "已变更", "APPROVED", "审核通过",
            "REFUSED", "未通过", "RETURNED", "被退回");
    private static final Map<String, String> REQUEST_STATES_EN = Map.of(
            "PENDING", "Under review", "UNDER_REVIEW", "Under review", "APPLIED", "Changed", "APPROVED", "Approved",
            "REFUSED", "Refused", "RETURNED", "Returned");

    /**
     * The English names of the named steps of the five filing processes, by activity id (the models
     * name them in Chinese only); a step missing here shows its Chinese name.
     */
    static final Map<String, String> STEP_NAMES_EN = Map.ofEntries(
            // bpmn/filing.bpmn
            Map.entry("StartEvent_FilingSubmitted", "Filing application received"),
            Map.entry("Task_CheckEligibility", "Insurance status check"),
            Map.entry("Task_FailFiling", "Opening failure recorded"),
            Map.entry("EndEvent_FilingFailed", "Filing failed"),
            Map.entry("Task_DecideReviewMode", "Review mode decided"),
            Map.entry("Task_OpenFiling", "Filing opened"),
            Map.entry("EndEvent_FilingOpened", "Filing in force"),
            Map.entry("Task_StartReview", "Sent to a clerk's review"),
            Map.entry("Task_ReviewFiling", "Review of the filing application"),
            Map.entry("BoundaryEvent_ReviewOverdue", "Review overdue"),
            Map.entry("Task_EscalateReview", "Escalated to the section chief"),
            Map.entry("EndEvent_ReviewEscalated", "Escalated"),
            Map.entry("Task_ReturnFiling", "Returned for correction"),
            Map.entry("Event_FilingResubmitted", "Corrected and resubmitted by the applicant"),
            // bpmn/filing-change.bpmn
            Map.entry("StartEvent_ChangeRequested", "Change request received"),
            Map.entry("Task_StartChange", "Change request accepted"),
            Map.entry("Task_ReviewChange", "Review of the change"),
            Map.entry("BoundaryEvent_ChangeReviewOverdue", "Review overdue"),
            Map.entry("Task_EscalateChangeReview", "Escalated to the section chief"),
            Map.entry("EndEvent_ChangeReviewEscalated", "Escalated"),
            Map.entry("Task_RefuseChange", "Change refused"),
            Map.entry("EndEvent_ChangeRefused", "Change not approved"),
            Map.entry("Task_ApplyChange", "Change applied"),
            Map.entry("EndEvent_ChangeApplied", "Change in force"),
            // bpmn/filing-cancellation.bpmn
            Map.entry("StartEvent_CancellationRequested", "Cancellation request received"),
            Map.entry("Task_StartCancellation", "Cancellation request accepted"),
            Map.entry("Task_ReviewCancellation", "Review of the cancellation"),
            Map.entry("BoundaryEvent_CancellationReviewOverdue", "Review overdue"),
            Map.entry("Task_EscalateCancellation", "Escalated to the section chief"),
            Map.entry("EndEvent_CancellationEscalated", "Escalated"),
            Map.entry("Task_RefuseCancellation", "Cancellation refused; the filing stays in force"),
            Map.entry("EndEvent_CancellationRefused", "Cancellation not approved"),
            Map.entry("Task_CloseFiling", "Filing closed"),
            Map.entry("EndEvent_FilingClosed", "Filing closed"),
            // bpmn/chronic-institution-choice.bpmn
            Map.entry("StartEvent_ChoiceSubmitted", "Chronic disease institution choice received"),
            Map.entry("Task_StartChoiceReview", "Sent to a clerk's review (two working days)"),
            Map.entry("Task_ReviewChoice", "Review of the chronic disease institution choice"),
            Map.entry("BoundaryEvent_ChoiceReviewOverdue", "Review overdue"),
            Map.entry("Task_EscalateChoiceReview", "Escalated to the section chief"),
            Map.entry("EndEvent_ChoiceReviewEscalated", "Escalated"),
            Map.entry("Task_ApproveChoice", "Institution choice confirmed"),
            Map.entry("EndEvent_ChoiceApproved", "Institution choice in force"),
            Map.entry("Task_RefuseChoice", "Refusal and its reason recorded"),
            Map.entry("EndEvent_ChoiceRefused", "Institution choice not approved"),
            // bpmn/supplemental-materials.bpmn
            Map.entry("StartEvent_SupplementSubmitted", "Supplemental materials received"),
            Map.entry("Task_StartSupplementReview", "Sent to a clerk's review"),
            Map.entry("Task_ReviewSupplement", "Review of the supplemental materials"),
            Map.entry("BoundaryEvent_SupplementReviewOverdue", "Review overdue"),
            Map.entry("Task_EscalateSupplementReview", "Escalated to the section chief"),
            Map.entry("EndEvent_SupplementReviewEscalated", "Escalated"),
            Map.entry("Task_ApproveSupplement", "Approved; benefits in both the treatment and the insured area"),
            Map.entry("EndEvent_SupplementApproved", "Supplemental materials approved"),
            Map.entry("Task_ReturnSupplement", "Supplemental materials returned"),
            Map.entry("EndEvent_SupplementReturned", "Supplemental materials returned"));

    private final JdbcClient jdbc;
    private final HistoryService history;

    CaseProgressQuery(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
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

    /** The case's steps in the order they happened; the open ones are current. */
    public List<CaseProgress.Step> steps(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .filter(a -> a.getActivityName() != null && STEP_TYPES.contains(a.getActivityType()))
                .map(CaseProgressQuery::step)
                .toList();
    }

    private static CaseProgress.Step step(HistoricActivityInstance a) {
        return new CaseProgress.Step(a.getActivityName(), STEP_NAMES_EN.getOrDefault(a.getActivityId(), a.getActivityName()),
                a.getStartTime().toInstant(),
                a.getEndTime() == null ? null : a.getEndTime().toInstant(), a.getEndTime() == null);
    }
}
