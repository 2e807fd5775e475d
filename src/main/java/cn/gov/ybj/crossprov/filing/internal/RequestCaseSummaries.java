package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the inbox shows of a request on a filing (信息变更, 取消备案, 补充材料, 门诊慢特病): its kind,
 * reference, applicant (name masked) and the screen where a clerk reviews it.
 */
@Component
class RequestCaseSummaries implements CaseSummaries {

    private static final Map<CaseProgress.Kind, String> REVIEW_ROUTES = Map.of(
            CaseProgress.Kind.CHANGE, "clerk/change-review/{taskId}",
            CaseProgress.Kind.CANCELLATION, "clerk/cancellation-review/{taskId}",
            CaseProgress.Kind.SUPPLEMENT, "clerk/supplement-review/{taskId}",
            CaseProgress.Kind.CHRONIC_CHOICE, "clerk/chronic-choice-review/{taskId}");

    private final JdbcClient jdbc;

    RequestCaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, CaseSummary> summarize(Collection<String> processInstanceIds) {
        Map<String, CaseSummary> result = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT process_instance_id, kind, reference, person_name FROM app.filing_request WHERE process_instance_id IN (:ids)")
                .param("ids", processInstanceIds)
                .query((rs, i) -> {
                    CaseProgress.Kind kind = CaseProgress.Kind.valueOf(rs.getString(2));
                    return result.put(rs.getString(1), new CaseSummary(kind.label(), kind.labelEn(), rs.getString(3),
                            PersonNames.mask(rs.getString(4)), REVIEW_ROUTES.get(kind)));
                })
                .list();
        return result;
    }
}
