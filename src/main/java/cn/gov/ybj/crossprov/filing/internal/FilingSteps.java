package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.registry.RegistryReporting;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.insured.Eligibility;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The service tasks of {@code bpmn/filing.bpmn}, called as {@code ${filingSteps.xxx(execution)}}.
 * Each step changes the filing's row and records an event; the rules live in {@link FilingRules}
 * and the DMN table, not here. Public because the expression language calls it by reflection.
 */
@Component("filingSteps")
public class FilingSteps {

    public static final String PROCESS_ACTOR = "system";
    /** What reviews of a filing and of its requests are about ({@link Reviews.Subject}). */
    public static final String SUBJECT_TYPE = "filing";

    private final FilingStore store;
    private final InsuranceRegistry registry;
    private final Reviews reviews;

    FilingSteps(FilingStore store, InsuranceRegistry registry, Reviews reviews) {
        this.store = store;
        this.registry = registry;
        this.reviews = reviews;
    }

    /** The filing as the subject of a review (its own, or one of a request on it). */
    public static Reviews.Subject subject(Filing f) {
        return Reviews.Subject.of(SUBJECT_TYPE, f.id());
    }

    /**
     * 校验参保状态. Submission and resubmission check the registry in the same transaction and
     * hand the result over (transient {@code eligible}); the step asks the registry itself only
     * when the case was started or moved another way (Cockpit, engine REST).
     */
    public void checkEligibility(DelegateExecution execution) {
        if (execution.getVariable("eligible") != null) {
            return;
        }
        Filing f = filing(execution);
        Eligibility e = registry.checkFilingEligibility(f.personIdNumber(), f.insuredAreaCode(), f.insuranceType());
        // transient: the gateway and the failure step read them in this transaction
        execution.setVariable("eligible", Variables.booleanValue(e.allowed(), true));
        execution.setVariable("ineligibleReason", Variables.stringValue(e.allowed() ? null : e.messageZh(), true));
        execution.setVariable("ineligibleReasonEn", Variables.stringValue(e.allowed() ? null : e.messageEn(), true));
    }

    /** 开通备案: the filing gets its number and is in force (已开通 / 备案成功). */
    public void open(DelegateExecution execution) {
        UUID id = filingId(execution);
        String decided = (String) execution.getVariable("reviewMode");
        // no decision: a review mode set already is kept
        ReviewMode mode = decided != null ? ReviewMode.valueOf(decided) : null;
        FilingStore.Opened opened = store.open(id, mode, execution.getProcessInstanceId()).orElseThrow(() ->
                new IllegalStateException("filing " + id + " is not waiting to be opened but "
                        + store.find(id).map(Filing::status).orElse(null)));
        String actor = Reviews.reviewer(execution);
        if (actor == null && opened.channel() == Channel.LOCAL) {
            // 003 第八条: the counter clerk confirms on the spot
            store.addEvent(id, opened.submittedBy(), "窗口经办人员即时审核确认，备案成功",
                    "Confirmed on the spot by the counter clerk; filed", FilingStatus.OPENED, null);
            return;
        }
        store.addEvent(id, actor == null ? PROCESS_ACTOR : actor,
                actor == null ? "自动审核通过，备案开通" : "审核通过，备案成功",
                actor == null ? "Approved automatically; filing opened" : "Approved; filed", FilingStatus.OPENED, null);
    }

    /** 开通失败: the registry refused it (status, area or insurance type). */
    public void fail(DelegateExecution execution) {
        Filing f = filing(execution);
        String reason = (String) execution.getVariable("ineligibleReason");
        String reasonEn = (String) execution.getVariable("ineligibleReasonEn");
        store.changeStatus(f.id(), FilingStatus.SUBMITTED, FilingStatus.FAILED, reason, reasonEn);
        store.addEvent(f.id(), PROCESS_ACTOR, "参保状态校验未通过", "Insurance status check failed", FilingStatus.FAILED, reason,
                reasonEn, true);
    }

    /** 转人工审核: due in 2 working days on the official calendar. */
    public void startReview(DelegateExecution execution) {
        store.markManualReview(filingId(execution), execution.getProcessInstanceId()); // before the read: one row write
        Filing f = filing(execution);
        reviews.open(execution, subject(f), f.insuredAreaCode(), 2);
    }

    /** 退回: the applicant may correct and resubmit (修改备案). */
    public void returnFiling(DelegateExecution execution) {
        Filing f = filing(execution);
        String reason = Reviews.reason(execution, Reviews.Outcome.RETURN);
        store.changeStatus(f.id(), FilingStatus.SUBMITTED, FilingStatus.RETURNED, reason);
        store.addEvent(f.id(), Reviews.reviewer(execution), "审核退回", "Returned for correction",
                FilingStatus.RETURNED, reason);
        // recorded: a resubmission that opens automatically must not credit this round's reviewer
        Reviews.clearDecision(execution);
    }

    /** 逾期升级: the overdue review is offered to the area's supervisors too, at top priority. */
    public void escalate(DelegateExecution execution) {
        Filing f = filing(execution);
        reviews.escalate(execution, f.insuredAreaCode());
        store.addEvent(f.id(), PROCESS_ACTOR, "审核超期，已提交科长督办", "Review overdue; escalated to the section chief",
                f.status(), null);
    }

    /**
     * Kept for cases still running on process versions deployed before the outbox, whose
     * 上报国家备案库 step calls it: their events are in the outbox already ({@code V11}, and
     * {@link FilingStore#addEvent}), so {@link RegistryReporting} sends them and this step has nothing left to do.
     */
    public void reportToRegistry(DelegateExecution execution) {
        // nothing: see above
    }

    private Filing filing(DelegateExecution execution) {
        UUID id = filingId(execution);
        return store.find(id).orElseThrow(() -> new IllegalStateException("no filing " + id));
    }

    private static UUID filingId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("filingId"));
    }
}
