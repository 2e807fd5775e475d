package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the inbox shows of a 补充材料 case: the filing's serial and applicant (name masked). */
@Component
class SupplementCaseSummaries implements CaseSummaries {

    static final String REVIEW_ROUTE = "clerk/supplement-review/{taskId}";

    private final JdbcClient jdbc;

    SupplementCaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, CaseSummary> summarize(Collection<String> processInstanceIds) {
        Map<String, CaseSummary> result = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT s.process_instance_id, f.application_serial, f.person_name
                        FROM app.filing_supplement s JOIN app.filing f ON f.id = s.filing_id
                        WHERE s.process_instance_id IN (:ids)""")
                .param("ids", processInstanceIds)
                .query((rs, i) -> result.put(rs.getString(1), new CaseSummary("补充材料", rs.getString(2),
                        PersonNames.mask(rs.getString(3)), REVIEW_ROUTE)))
                .list();
        return result;
    }
}
