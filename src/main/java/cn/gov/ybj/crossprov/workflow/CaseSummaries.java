package cn.gov.ybj.crossprov.workflow;

import java.util.Collection;
import java.util.Map;

/**
 * Business modules describe their cases for the inbox from their own tables, so the inbox never
 * filters or sorts on process variables.
 */
public interface CaseSummaries {

    /** Summaries of the cases among these process instances that belong to the module. */
    Map<String, CaseSummary> summarize(Collection<String> processInstanceIds);

    /**
     * @param caseType   what the case is, in Chinese
     * @param caseTypeEn the same in English (area and person names stay as stored)
     * @param applicant masked or abbreviated, as lists show persons
     * @param reviewRoute Vaadin route of the screen where a clerk works the case's task, with
     *                    {@code {taskId}} to fill in
     */
    record CaseSummary(String caseType, String caseTypeEn, String reference, String applicant, String reviewRoute) {

        public String caseType(boolean english) {
            return english ? caseTypeEn : caseType;
        }
    }
}
