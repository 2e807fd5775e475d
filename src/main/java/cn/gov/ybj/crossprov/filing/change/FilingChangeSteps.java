package cn.gov.ybj.crossprov.filing.change;

import cn.gov.ybj.crossprov.filing.internal.FilingSteps;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The service tasks of {@code bpmn/filing-change.bpmn}, called as {@code ${filingChangeSteps.xxx(execution)}};
 * reporting goes through the outbox ({@link cn.gov.ybj.crossprov.filing.registry.RegistryReporting}). Public because the expression language calls it.
 */
@Component("filingChangeSteps")
public class FilingChangeSteps {

    private final FilingStore store;
    private final FilingChangeStore changes;
    private final Reviews reviews;

    FilingChangeSteps(FilingStore store, FilingChangeStore changes, Reviews reviews) {
        this.store = store;
        this.changes = changes;
        this.reviews = reviews;
    }

    /** 受理信息变更: decides whether the insured area reviews it (003 第九条); a review is due in 2 working days. */
    public void startChange(DelegateExecution execution) {
        FilingChangeStore.Row row = row(execution);
        Filing f = filing(row);
        FilingChangeRules.Values v = row.values();
        // a counter clerk of the insured area is its review: confirmed on the spot (as a counter filing, 003 第八条)
        boolean atCounter = Boolean.TRUE.equals(execution.getVariable("atCounter"));
        boolean review = !atCounter && FilingChangeRules.needsReview(f, new FilingChange(v.startDate(), v.endDate(),
                v.contactName(), v.contactPhone(), v.contactAddress(), v.institutionCode(), null, null, null, null));
        execution.setVariable("needsReview", review);
        if (review) {
            reviews.open(execution, FilingSteps.subject(f), f.insuredAreaCode(), 2);
            store.addEvent(f.id(), row.requestedBy(), "提交信息变更申请，待参保地审核",
                    "Change requested; awaiting the insured area's review", f.status(), null, false);
        }
    }

    /** 变更生效: the filing takes the new values as its next version; the registry hears of it. */
    public void apply(DelegateExecution execution) {
        FilingChangeStore.Row row = row(execution);
        String reviewer = Reviews.reviewer(execution);
        String actor = reviewer == null ? row.requestedBy() : reviewer;
        int version = changes.applyToFiling(row.filingId(), row.values()).orElseThrow(() ->
                new BusinessRuleException("该备案已关闭，不能变更", "The filing is closed and cannot be changed"));
        if (!changes.markApplied(row.id(), version, actor)) {
            throw new IllegalStateException("change " + row.id() + " is not pending but " + row.status());
        }
        store.addEvent(row.filingId(), actor, "信息变更", "Filing details changed", FilingStatus.OPENED, null, true);
    }

    /** 不予变更: the filing keeps its values; the reason is kept with the request. */
    public void refuse(DelegateExecution execution) {
        FilingChangeStore.Row row = row(execution);
        String reviewer = Reviews.reviewer(execution);
        String reason = Reviews.reason(execution, Reviews.Outcome.REFUSE);
        changes.markRefused(row.id(), reason, reviewer);
        store.addEvent(row.filingId(), reviewer, "信息变更审核未通过", "Change refused",
                filing(row).status(), reason, false);
    }

    /** 逾期升级: the overdue review is offered to the area's supervisors too, at top priority. */
    public void escalate(DelegateExecution execution) {
        FilingChangeStore.Row row = row(execution);
        Filing f = filing(row);
        reviews.escalate(execution, f.insuredAreaCode());
        store.addEvent(f.id(), FilingSteps.PROCESS_ACTOR, "信息变更审核超期，已提交科长督办",
                "Change review overdue; escalated to the section chief", f.status(), null, false);
    }

    private FilingChangeStore.Row row(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable("requestId"));
        return changes.find(id).orElseThrow(() -> new IllegalStateException("no change " + id));
    }

    private Filing filing(FilingChangeStore.Row row) {
        return store.find(row.filingId()).orElseThrow(() -> new IllegalStateException("no filing " + row.filingId()));
    }
}
