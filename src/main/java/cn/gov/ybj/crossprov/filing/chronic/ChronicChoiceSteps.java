package cn.gov.ybj.crossprov.filing.chronic;

import cn.gov.ybj.crossprov.filing.internal.FilingSteps;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The service tasks of {@code bpmn/chronic-institution-choice.bpmn}, called as
 * {@code ${chronicChoiceSteps.xxx(execution)}}. Decisions are recorded on the choice and as
 * events of the filing; none is reported to the national filing registry.
 */
@Component("chronicChoiceSteps")
public class ChronicChoiceSteps {

    private final ChronicChoiceStore store;
    private final FilingStore filings;
    private final Reviews reviews;

    ChronicChoiceSteps(ChronicChoiceStore store, FilingStore filings, Reviews reviews) {
        this.store = store;
        this.filings = filings;
        this.reviews = reviews;
    }

    /** 转经办审核: due in 2 working days on the official calendar (004 §3.4 预计两个工作日内完成审核). */
    public void startReview(DelegateExecution execution) {
        Filing f = filing(choice(execution));
        reviews.open(execution, FilingSteps.subject(f), f.insuredAreaCode(), 2);
    }

    /** 审核通过: the institution counts as chosen for the disease. */
    public void approve(DelegateExecution execution) {
        ChronicChoice c = choice(execution);
        String reviewer = Reviews.reviewer(execution);
        if (!store.decide(c.id(), ChronicChoice.Status.APPROVED, reviewer, null)) {
            throw new IllegalStateException("chronic choice " + c.id() + " is not under review but " + c.status());
        }
        Filing f = filing(c);
        filings.addEvent(f.id(), reviewer == null ? FilingSteps.PROCESS_ACTOR : reviewer,
                "门诊慢特病医疗机构选择审核通过（" + c.diseaseName() + "·" + c.institutionName() + "）",
                "Chronic disease institution choice approved (" + c.diseaseName() + " · " + c.institutionName() + ")",
                f.status(), null, false);
    }

    /** 审核不通过: the reason is shown to the person; the institution may be chosen again. */
    public void refuse(DelegateExecution execution) {
        ChronicChoice c = choice(execution);
        String reviewer = Reviews.reviewer(execution);
        String reason = Reviews.reason(execution, Reviews.Outcome.REFUSE);
        if (!store.decide(c.id(), ChronicChoice.Status.REFUSED, reviewer, reason)) {
            throw new IllegalStateException("chronic choice " + c.id() + " is not under review but " + c.status());
        }
        Filing f = filing(c);
        filings.addEvent(f.id(), reviewer == null ? FilingSteps.PROCESS_ACTOR : reviewer,
                "门诊慢特病医疗机构选择审核未通过（" + c.diseaseName() + "·" + c.institutionName() + "）",
                "Chronic disease institution choice refused (" + c.diseaseName() + " · " + c.institutionName() + ")",
                f.status(), reason, false);
    }

    /** 逾期升级: the overdue review is offered to the area's supervisors too, at top priority. */
    public void escalate(DelegateExecution execution) {
        ChronicChoice c = choice(execution);
        Filing f = filing(c);
        reviews.escalate(execution, f.insuredAreaCode());
        filings.addEvent(f.id(), FilingSteps.PROCESS_ACTOR, "门诊慢特病医疗机构选择审核超期，已提交科长督办（流水号 "
                + c.serial() + "）", "Chronic disease institution choice review overdue; escalated to the section chief (serial "
                + c.serial() + ")", f.status(), null, false);
    }

    private ChronicChoice choice(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable("requestId"));
        return store.find(id).orElseThrow(() -> new IllegalStateException("no chronic choice " + id));
    }

    private Filing filing(ChronicChoice c) {
        return filings.find(c.filingId()).orElseThrow(() -> new IllegalStateException("no filing " + c.filingId()));
    }
}
