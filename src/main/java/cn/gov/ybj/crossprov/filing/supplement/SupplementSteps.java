package cn.gov.ybj.crossprov.filing.supplement;

import cn.gov.ybj.crossprov.filing.internal.FilingSteps;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The service tasks of {@code bpmn/supplemental-materials.bpmn}, called as
 * {@code ${supplementSteps.xxx(execution)}}; reporting goes through the outbox ({@link cn.gov.ybj.crossprov.filing.registry.RegistryReporting}).
 * Public because the expression language calls it by reflection.
 */
@Component("supplementSteps")
public class SupplementSteps {

    static final String APPROVED_ACTION = "补充材料审核通过，备案地和参保地双向享受待遇";
    static final String APPROVED_ACTION_EN = "Supplemental materials approved; benefits in both the treatment and the insured area";

    private final SupplementStore store;
    private final FilingStore filings;
    private final Reviews reviews;

    SupplementSteps(SupplementStore store, FilingStore filings, Reviews reviews) {
        this.store = store;
        this.filings = filings;
        this.reviews = reviews;
    }

    /** 转人工审核: due in 2 working days on the official calendar (also for self-service filings). */
    public void startReview(DelegateExecution execution) {
        Filing f = filing(supplement(execution));
        reviews.open(execution, FilingSteps.subject(f), f.insuredAreaCode(), 2);
    }

    /** 审核通过: the filing is valid in both places; the registry hears of it. */
    public void approve(DelegateExecution execution) {
        SupplementStore.Row s = supplement(execution);
        String reviewer = Reviews.reviewer(execution);
        if (!store.decide(s.id(), Supplement.Status.APPROVED, null, reviewer)) {
            throw new IllegalStateException("supplement " + s.id() + " is not under review but " + s.status());
        }
        store.markBothPlaces(s.filingId());
        Filing f = filing(s);
        filings.addEvent(f.id(), actor(reviewer), APPROVED_ACTION, APPROVED_ACTION_EN, f.status(), null, true);
    }

    /** 退回: the person may upload again (a new supplement). */
    public void returnSupplement(DelegateExecution execution) {
        SupplementStore.Row s = supplement(execution);
        String reviewer = Reviews.reviewer(execution);
        String reason = Reviews.reason(execution, Reviews.Outcome.RETURN);
        if (!store.decide(s.id(), Supplement.Status.RETURNED, reason, reviewer)) {
            throw new IllegalStateException("supplement " + s.id() + " is not under review but " + s.status());
        }
        Filing f = filing(s);
        filings.addEvent(f.id(), actor(reviewer), "补充材料审核退回", "Supplemental materials returned", f.status(), reason, false);
    }

    /** 逾期升级: the overdue review is offered to the area's supervisors too, at top priority. */
    public void escalate(DelegateExecution execution) {
        Filing f = filing(supplement(execution));
        reviews.escalate(execution, f.insuredAreaCode());
        filings.addEvent(f.id(), FilingSteps.PROCESS_ACTOR, "补充材料审核超期，已提交科长督办",
                "Supplemental materials review overdue; escalated to the section chief", f.status(), null, false);
    }

    private static String actor(String reviewer) {
        return reviewer == null ? FilingSteps.PROCESS_ACTOR : reviewer;
    }

    private SupplementStore.Row supplement(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable("requestId"));
        return store.find(id).orElseThrow(() -> new IllegalStateException("no supplement " + id));
    }

    private Filing filing(SupplementStore.Row s) {
        return filings.find(s.filingId()).orElseThrow(() -> new IllegalStateException("no filing " + s.filingId()));
    }
}
