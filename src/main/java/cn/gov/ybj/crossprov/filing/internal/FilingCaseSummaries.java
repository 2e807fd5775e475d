package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.workflow.CaseSummaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What the inbox shows of a filing case: type, serial, applicant (name masked). */
@Component
class FilingCaseSummaries implements CaseSummaries {

    private final JdbcClient jdbc;

    FilingCaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, CaseSummary> summarize(Collection<String> processInstanceIds) {
        Map<String, CaseSummary> result = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT process_instance_id, application_serial, person_name, filing_type
                        FROM app.filing WHERE process_instance_id IN (:ids)""")
                .param("ids", processInstanceIds)
                .query((rs, i) -> result.put(rs.getString(1), new CaseSummary(
                        "异地就医备案·" + FilingType.valueOf(rs.getString(4)).label(),
                        "Cross-province filing · " + FilingType.valueOf(rs.getString(4)).labelEn(),
                        rs.getString(2), PersonNames.mask(rs.getString(3)), "clerk/filing-review/{taskId}")))
                .list();
        return result;
    }
}
