package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the inbox shows of a 取消备案 case: type, the filing's serial, applicant (name masked). */
@Component
class CancellationCaseSummaries implements CaseSummaries {

    static final String REVIEW_ROUTE = "clerk/cancellation-review/{taskId}";

    private final JdbcClient jdbc;

    CancellationCaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, CaseSummary> summarize(Collection<String> processInstanceIds) {
        Map<String, CaseSummary> result = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT c.process_instance_id, f.application_serial, f.person_name
                        FROM app.filing_cancellation c JOIN app.filing f ON f.id = c.filing_id
                        WHERE c.process_instance_id IN (:ids)""")
                .param("ids", processInstanceIds)
                .query((rs, i) -> result.put(rs.getString(1), new CaseSummary("取消备案", rs.getString(2),
                        PersonNames.mask(rs.getString(3)), REVIEW_ROUTE)))
                .list();
        return result;
    }
}
