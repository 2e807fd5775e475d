package cn.gov.ybj.crossprov.filing.cancellation;

import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 取消备案 behind {@link cn.gov.ybj.crossprov.filing.FilingManagement}: the person online, a counter
 * clerk of the insured area, and the area's reviewers. Requests of one filing are serialised by a
 * row lock on the filing; the partial unique index {@code filing_cancellation_one_pending} is the
 * last word on "one pending request".
 */
@Component
public class FilingCancellations {

    public static final String PROCESS_KEY = "filing-cancellation";
    public static final String REVIEW_TASK = "Task_ReviewCancellation";

    /** 004: 「此备案存在未审核通过的撤销申请，不支持再次申请」, what 取消备案 answers while a request is pending. */
    public static BusinessRuleException pendingRefusal() {
        return CancellationRules.pending();
    }

    private final FilingCases cases;
    private final FilingStore store;
    private final CancellationStore cancellations;
    private final PoolingAreas areas;
    private final RuntimeService runtime;
    private final Reviews reviews;

    FilingCancellations(FilingCases cases, FilingStore store, CancellationStore cancellations, PoolingAreas areas,
                        RuntimeService runtime, Reviews reviews) {
        this.cases = cases;
        this.store = store;
        this.cancellations = cancellations;
        this.areas = areas;
        this.runtime = runtime;
        this.reviews = reviews;
    }

    /**
     * The person cancels online, or a counter clerk of the insured area cancels at the counter.
     * A self-service filing and a counter cancellation close at once; a quick filing's request
     * waits for review. Refusals write nothing.
     */
    @Transactional
    public Cancellation request(AppUser actor, UUID filingId) {
        Filing visible = cases.visible(actor, filingId).orElseThrow(FilingCancellations::notFound);
        Cancellation.Via via = switch (actor.realm()) {
            case INSURED -> Cancellation.Via.ONLINE;
            case CLERKS -> {
                if (!actor.hasRole(Roles.COUNTER)) {
                    throw new BusinessRuleException("仅窗口经办人员可以办理窗口取消备案", "Only counter clerks can cancel at the counter");
                }
                yield Cancellation.Via.COUNTER;
            }
            default -> throw new BusinessRuleException("无权取消备案", "Not allowed to cancel filings");
        };
        cancellations.lockFiling(visible.id());
        // read again under the lock: a request that raced this one has committed by now
        Filing f = store.find(visible.id()).orElseThrow(FilingCancellations::notFound);
        PoolingArea area = areas.find(f.insuredAreaCode()).orElse(null);
        CancellationRules.check(f, via, cancellations.pendingExists(f.id()), area);
        // a change under review would otherwise be decided on a closed filing
        if (store.options(f.id(), false, false).changePending()) {
            throw new BusinessRuleException("此备案存在未审核的信息变更申请，请待审核完成后再申请取消",
                    "A change of this filing awaits review; please cancel once it is decided");
        }
        UUID id = UUID.randomUUID();
        String by = actor.account();
        try {
            cancellations.insertPending(id, f.id(), via, by);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains(CancellationStore.ONE_PENDING_INDEX)) {
                throw CancellationRules.pending();
            }
            throw e;
        }
        if (CancellationRules.needsReview(f, via)) {
            store.addEvent(f.id(), by, "提交取消备案申请，等待审核", "Cancellation requested; awaiting review",
                    f.status(), null, false);
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(f.applicationSerial()) // Cockpit finds the filing's requests by its serial
                .setVariables(Variables.createVariables()
                        .putValue("filingId", f.id().toString())
                        .putValue("requestId", id.toString()))
                .execute();
        cancellations.linkProcess(id, instance.getId());
        return cancellations.find(id).orElseThrow();
    }

    /** The request a review task is about, if the clerk may work on that task. */
    public Optional<Cancellation> forReviewTask(AppUser clerk, String taskId) {
        return reviews.find(clerk, taskId, REVIEW_TASK)
                .flatMap(t -> cancellations.byProcessInstance(t.processInstanceId()))
                .filter(c -> cases.visible(clerk, c.filingId()).isPresent());
    }

    /** The clerk approves it. */
    @Transactional
    public Cancellation approve(AppUser clerk, String taskId) {
        return decide(clerk, taskId, Reviews.Outcome.APPROVE, null);
    }

    /** The clerk refuses it with a reason the person sees. */
    @Transactional
    public Cancellation refuse(AppUser clerk, String taskId, String reason) {
        return decide(clerk, taskId, Reviews.Outcome.REFUSE, reason);
    }

    private Cancellation decide(AppUser clerk, String taskId, Reviews.Outcome outcome, String reason) {
        Cancellation c = forReviewTask(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        cancellations.lockFiling(c.filingId());
        reviews.decide(clerk, taskId, outcome, reason);
        return cancellations.find(c.id()).orElseThrow();
    }

    /** The filing's cancellation requests, newest first; empty for a filing the user may not see. */
    public List<Cancellation> ofFiling(AppUser actor, UUID filingId) {
        return cases.visible(actor, filingId).map(f -> cancellations.ofFiling(f.id())).orElse(List.of());
    }

    /** Whether a counter clerk may close this filing at once (the 窗口取消备案 button). */
    public boolean mayCancelAtCounter(AppUser actor, Filing f) {
        return actor.realm() == Realm.CLERKS && actor.hasRole(Roles.COUNTER) && f.status() == FilingStatus.OPENED
                && cases.visible(actor, f.id()).isPresent() && f.insuredAreaCode().equals(actor.unitCode());
    }

    private static BusinessRuleException notFound() {
        return new BusinessRuleException("备案不存在", "No such filing");
    }
}
