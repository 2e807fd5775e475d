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
                            stateLabel(kind, state, mode), pending(kind, state));
                })
                .list()
                .stream().filter(p -> p.processInstanceId() != null).toList();
    }

    private static String stateLabel(CaseProgress.Kind kind, String state, String mode) {
        if (kind == CaseProgress.Kind.FILING) {
            return FilingStatus.valueOf(state).label(mode == null ? ReviewMode.MANUAL : ReviewMode.valueOf(mode));
        }
        if (kind == CaseProgress.Kind.CANCELLATION && "APPROVED".equals(state)) {
            return "已关闭";
        }
        return REQUEST_STATES.getOrDefault(state, state);
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
        return new CaseProgress.Step(a.getActivityName(), a.getStartTime().toInstant(),
                a.getEndTime() == null ? null : a.getEndTime().toInstant(), a.getEndTime() == null);
    }
}
