package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the inbox shows of a 门诊慢特病医疗机构选择 case: type, serial, applicant (name masked). */
@Component
class ChronicChoiceCaseSummaries implements CaseSummaries {

    static final String CASE_TYPE = "门诊慢特病医疗机构选择";
    static final String REVIEW_ROUTE = "clerk/chronic-choice-review/{taskId}";

    private final JdbcClient jdbc;

    ChronicChoiceCaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, CaseSummary> summarize(Collection<String> processInstanceIds) {
        Map<String, CaseSummary> result = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT c.process_instance_id, c.serial, f.person_name
                        FROM app.chronic_institution_choice c JOIN app.filing f ON f.id = c.filing_id
                        WHERE c.process_instance_id IN (:ids)""")
                .param("ids", processInstanceIds)
                .query((rs, i) -> result.put(rs.getString(1), new CaseSummary(CASE_TYPE, rs.getString(2),
                        PersonNames.mask(rs.getString(3)), REVIEW_ROUTE)))
                .list();
        return result;
    }
}
