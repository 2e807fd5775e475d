package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.util.HashMap;
import java.util.Map;

/**
 * How a review ends when the clerk does not approve, and what the clerk's decision hands to the
 * process: {@code decision} (APPROVE, RETURN or REFUSE), the reason and the {@code reviewer}.
 */
enum ReviewDecision {
    /** back to the applicant, who may correct it (filing, supplemental materials) */
    RETURN("returnReason", "退回时请填写退回原因", "Please give the reason for returning it"),
    /** refused; nothing changes (change, cancellation, 门诊慢特病 choice) */
    REFUSE("refuseReason", "不予通过时请填写原因", "Please give the reason for refusing it");

    private final String reasonVariable;
    private final String missingZh;
    private final String missingEn;

    ReviewDecision(String reasonVariable, String missingZh, String missingEn) {
        this.reasonVariable = reasonVariable;
        this.missingZh = missingZh;
        this.missingEn = missingEn;
    }

    /** @throws BusinessRuleException without a reason when not approving, or with one over 500 characters */
    Map<String, Object> variables(AppUser clerk, boolean approved, String reason) {
        if (!approved && (reason == null || reason.isBlank())) {
            throw new BusinessRuleException(missingZh, missingEn);
        }
        if (reason != null && reason.strip().length() > 500) {
            throw new BusinessRuleException("原因不超过 500 字", "The reason is limited to 500 characters");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", approved ? "APPROVE" : name());
        variables.put(reasonVariable, approved ? null : reason.strip());
        variables.put("reviewer", clerk.account());
        return variables;
    }
}
