package cn.gov.ybj.crossprov.filing.cancellation;

import cn.gov.ybj.crossprov.filing.internal.FilingSteps;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The service tasks of {@code bpmn/filing-cancellation.bpmn}, called as
 * {@code ${cancellationSteps.xxx(execution)}}; the closure reaches the national registry
 * through the outbox, as an opening does ({@link cn.gov.ybj.crossprov.filing.registry.RegistryReporting}). Public because the
 * expression language calls it by reflection.
 */
@Component("cancellationSteps")
public class CancellationSteps {

    static final String CLOSED_ACTION = "取消备案，备案已关闭";
    static final String CLOSED_ACTION_EN = "Filing cancelled and closed";
    static final String REQUESTS_ENDED = "备案已关闭，未审结的申请已终止";
    static final String REQUESTS_ENDED_EN = "Filing closed; its requests still under review were ended";

    private final FilingStore store;
    private final CancellationStore cancellations;
    private final Reviews reviews;

    CancellationSteps(FilingStore store, CancellationStore cancellations, Reviews reviews) {
        this.store = store;
        this.cancellations = cancellations;
        this.reviews = reviews;
    }

    /** 受理: a quick filing cancelled online goes to the insured area's clerks, due in 3 working days; all else closes. */
    public void start(DelegateExecution execution) {
        Filing f = filing(execution);
        boolean review = CancellationRules.needsReview(f, request(execution).channel());
        execution.setVariable("reviewNeeded", review);
        if (review) {
            reviews.open(execution, FilingSteps.subject(f), f.insuredAreaCode(), 3);
        } else {
            execution.setVariable(Reviews.REVIEWER, null);
        }
    }

    /** 关闭备案: OPENED → CLOSED, the request approved, a reportable event for the national registry. */
    public void close(DelegateExecution execution) {
        Filing f = filing(execution);
        Cancellation c = request(execution);
        String reviewer = Reviews.reviewer(execution);
        String actor = reviewer == null ? c.requestedBy() : reviewer;
        cancellations.lockFiling(f.id());
        if (!store.changeStatus(f.id(), FilingStatus.OPENED, FilingStatus.CLOSED, null)) {
            throw new IllegalStateException("filing " + f.id() + " is not open but " + f.status());
        }
        if (!cancellations.decide(c.id(), Cancellation.Status.APPROVED, null, actor)) {
            throw new IllegalStateException("cancellation " + c.id() + " is no longer pending");
        }
        store.addEvent(f.id(), actor, CLOSED_ACTION, CLOSED_ACTION_EN, FilingStatus.CLOSED, null, true);
        // reviews of a closed filing have nothing left to decide: they leave the inbox
        List<String> ended = reviews.endAll(FilingSteps.subject(f), REQUESTS_ENDED, execution.getProcessInstanceId(),
                store.endOpenRequests(f.id(), REQUESTS_ENDED));
        if (!ended.isEmpty()) {
            store.addEvent(f.id(), FilingSteps.PROCESS_ACTOR, REQUESTS_ENDED, REQUESTS_ENDED_EN, FilingStatus.CLOSED, null, false);
        }
    }

    /** 不予取消: the request is refused with its reason; the filing stays open; nothing to report. */
    public void refuse(DelegateExecution execution) {
        Filing f = filing(execution);
        Cancellation c = request(execution);
        String reason = Reviews.reason(execution, Reviews.Outcome.REFUSE);
        String reviewer = Reviews.reviewer(execution);
        if (!cancellations.decide(c.id(), Cancellation.Status.REFUSED, reason, reviewer)) {
            throw new IllegalStateException("cancellation " + c.id() + " is no longer pending");
        }
        store.addEvent(f.id(), reviewer, "取消备案申请未通过", "Cancellation refused", f.status(), reason, false);
    }

    /** 逾期升级: the overdue review is offered to the area's supervisors too, at top priority. */
    public void escalate(DelegateExecution execution) {
        Filing f = filing(execution);
        reviews.escalate(execution, f.insuredAreaCode());
        store.addEvent(f.id(), FilingSteps.PROCESS_ACTOR, "取消备案审核超期，已提交科长督办",
                "Cancellation review overdue; escalated to the section chief", f.status(), null, false);
    }

    private Filing filing(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable("filingId"));
        return store.find(id).orElseThrow(() -> new IllegalStateException("no filing " + id));
    }

    private Cancellation request(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable("requestId"));
        return cancellations.find(id).orElseThrow(() -> new IllegalStateException("no cancellation " + id));
    }
}
