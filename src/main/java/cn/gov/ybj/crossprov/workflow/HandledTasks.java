package cn.gov.ybj.crossprov.workflow;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 已办任务: the review decisions a clerk made, newest first. {@link Reviews#decide} writes one row per
 * decision with the case's summary as the inbox showed it (type, reference, masked applicant), so the
 * list is searched and paged from one indexed table, and a case with several review steps keeps every
 * decision (Camunda's variables keep only the last). A clerk sees their own decisions; a supervisor
 * may list the whole area's ({@link Filter#wholeArea()}).
 */
@Service
public class HandledTasks {

    private final JdbcClient jdbc;
    private final ObjectProvider<CaseSummaries> summaries;

    HandledTasks(JdbcClient jdbc, ObjectProvider<CaseSummaries> summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    /**
     * @param text      part of the reference or of the (masked) applicant
     * @param from      decided at or after
     * @param until     decided before
     * @param wholeArea the area's decisions, not only the clerk's own (supervisors only; ignored for others)
     */
    public record Filter(String text, Instant from, Instant until, boolean wholeArea) {
        public static final Filter MINE = new Filter(null, null, null, false);
    }

    /** @param reviewer the deciding clerk's account ({@code clerks:cy-reviewer}) */
    public record Item(String taskId, String processInstanceId, String taskDefinitionKey, String taskName,
                       String reviewer, String decision, String reason, String caseType, String caseTypeEn,
                       String reference, String applicant, Instant decidedAt) {

        /** the case type in the UI's language; a row without English keeps its Chinese */
        public String caseType(boolean english) {
            return english && caseTypeEn != null ? caseTypeEn : caseType;
        }
    }

    /** What the case looked like before the decision: read before the task completes, as the module's rows may move on. */
    CaseSummaries.CaseSummary summaryBefore(String processInstanceId) {
        for (CaseSummaries s : summaries.orderedStream().toList()) {
            CaseSummaries.CaseSummary summary = s.summarize(List.of(processInstanceId)).get(processInstanceId);
            if (summary != null) {
                return summary;
            }
        }
        return null;
    }

    void record(AppUser clerk, ClerkInbox.Item task, CaseSummaries.CaseSummary summary, Reviews.Outcome outcome, String reason) {
        jdbc.sql("""
                        INSERT INTO app.handled_task (task_id, process_instance_id, task_definition_key, task_name, reviewer,
                            area_code, decision, reason, case_type, case_type_en, reference, applicant)
                        VALUES (:task, :process, :key, :name, :reviewer, :area, :decision, :reason, :caseType, :caseTypeEn,
                            :reference, :applicant)
                        ON CONFLICT (task_id) DO NOTHING""")
                .param("task", task.taskId()).param("process", task.processInstanceId())
                .param("key", task.taskDefinitionKey()).param("name", task.name())
                .param("reviewer", clerk.account()).param("area", clerk.unitCode())
                .param("decision", outcome.name()).param("reason", reason)
                .param("caseType", summary == null ? null : summary.caseType())
                .param("caseTypeEn", summary == null ? null : summary.caseTypeEn())
                .param("reference", summary == null ? null : summary.reference())
                .param("applicant", summary == null ? null : summary.applicant())
                .update();
    }

    public List<Item> page(AppUser clerk, Filter filter, int offset, int limit) {
        Where where = where(clerk, filter);
        return where.bind(jdbc.sql("""
                        SELECT task_id, process_instance_id, task_definition_key, task_name, reviewer, decision, reason,
                               case_type, case_type_en, reference, applicant, decided_at
                        FROM app.handled_task WHERE %s ORDER BY decided_at DESC, task_id LIMIT :limit OFFSET :offset"""
                        .formatted(where.sql())))
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()))
                .list();
    }

    public long count(AppUser clerk, Filter filter) {
        Where where = where(clerk, filter);
        return where.bind(jdbc.sql("SELECT count(*) FROM app.handled_task WHERE " + where.sql())).query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    private static Where where(AppUser clerk, Filter filter) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        StringBuilder sql = new StringBuilder();
        // both lead an index ending in decided_at, so a page reads about as many rows as it shows
        if (filter.wholeArea() && clerk.hasRole(Roles.SUPERVISOR) && clerk.unitCode() != null) {
            sql.append("area_code = :area");
            params.put("area", clerk.unitCode());
        } else {
            sql.append("reviewer = :reviewer");
            params.put("reviewer", clerk.account());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" AND (reference ILIKE :text ESCAPE '\\' OR applicant ILIKE :text ESCAPE '\\')");
            params.put("text", "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            sql.append(" AND decided_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            sql.append(" AND decided_at < :until");
            params.put("until", Timestamp.from(filter.until()));
        }
        return new Where(sql.toString(), params);
    }
}
