package cn.gov.ybj.crossprov.filing.change;

import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.internal.FilingDateWindow;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
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
 * 信息变更 cases behind {@link cn.gov.ybj.crossprov.filing.FilingManagement}: each request is a row of
 * {@code app.filing_change} with its own {@code filing-change} process; the process applies it
 * at once or after the insured area's review and reports it to the national registry.
 */
@Component
public class FilingChanges {

    public static final String PROCESS_KEY = "filing-change";
    public static final String REVIEW_TASK = "Task_ReviewChange";

    private final FilingCases cases;
    private final FilingStore store;
    private final FilingChangeStore changes;
    private final RuntimeService runtime;
    private final Reviews reviews;
    private final FilingDateWindow dates;

    FilingChanges(FilingCases cases, FilingStore store, FilingChangeStore changes, RuntimeService runtime, Reviews reviews,
                  FilingDateWindow dates) {
        this.dates = dates;
        this.cases = cases;
        this.store = store;
        this.changes = changes;
        this.runtime = runtime;
        this.reviews = reviews;
    }

    /** Checks everything before writing; a refusal leaves no row, event or case behind. */
    @Transactional
    public FilingChangeRecord request(AppUser actor, UUID filingId, FilingChange change) {
        Filing visible = cases.visible(actor, filingId).orElseThrow(FilingCases::notFound);
        // 003 第九条(一): the person online, or the insured area's counter, which confirms on the spot
        boolean atCounter = actor.realm() == Realm.CLERKS && actor.hasRole(Roles.COUNTER);
        if (actor.realm() != Realm.INSURED && !atCounter) {
            throw new BusinessRuleException("信息变更由参保人本人在线办理，或到参保地经办机构窗口办理",
                    "A change is made online by the insured person or at the insured area's counter");
        }
        if (change == null) {
            throw new BusinessRuleException("未修改任何信息", "Nothing was changed");
        }
        store.lockPerson(visible.personIdNumber());
        Filing filing = store.find(filingId).orElseThrow(FilingCases::notFound); // as it is under the lock
        FilingChangeRules.checkChangeable(filing, atCounter);
        if (changes.cancellationPending(filing.id())) {
            throw new BusinessRuleException("此备案存在未审核通过的撤销申请，不能变更信息",
                    "A cancellation of this filing awaits review; it cannot be changed");
        }
        if (changes.changePending(filing.id())) {
            throw pendingChange();
        }
        FilingChangeRules.checkNoNewFilingNeeded(filing, change);
        FilingChangeRules.Values values = FilingChangeRules.merge(filing, change);
        FilingChangeRules.checkValues(filing, values);
        // only a date that changes must lie in the window: a long filing keeps its old start
        if (!values.startDate().equals(filing.startDate())) {
            dates.checkStart(values.startDate());
        }
        if (!values.endDate().equals(filing.endDate())) {
            dates.checkEnd(values.endDate());
        }
        if (FilingChangeRules.diff(filing, values).isEmpty()) {
            throw new BusinessRuleException("未修改任何信息", "Nothing was changed");
        }
        if (values.institutionCode() != null && !values.institutionCode().equals(filing.institutionCode())) {
            cases.checkInstitution(filing.treatmentAreaCode(), values.institutionCode());
        }
        store.overlapping(filing.personIdNumber(), values.startDate(), values.endDate(), filing.id())
                .ifPresent(f -> {
                    throw FilingCases.overlap(f.applicationSerial());
                });
        UUID id = UUID.randomUUID();
        String requestedBy = actor.account();
        try {
            changes.insert(id, filing.id(), requestedBy, values, FilingChangeRules.current(filing));
            ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey(filing.applicationSerial()) // Cockpit finds the filing's requests by its serial
                    .setVariables(Variables.createVariables()
                            .putValue("filingId", filing.id().toString())
                            .putValue("requestId", id.toString())
                            .putValue("requestedBy", requestedBy)
                            .putValue("atCounter", atCounter))
                    .execute();
            changes.linkProcess(id, instance.getId());
        } catch (RuntimeException e) {
            throw translate(e);
        }
        return changes.find(id).orElseThrow().toRecord();
    }

    /** Whether a counter clerk may change this filing on the spot (the 窗口信息变更 button). */
    public boolean mayChangeAtCounter(AppUser actor, Filing f) {
        return actor.realm() == Realm.CLERKS && actor.hasRole(Roles.COUNTER) && f.status() == FilingStatus.OPENED
                && cases.mayView(actor, f);
    }

    /** 变更记录, newest first. */
    public List<FilingChangeRecord> history(AppUser actor, UUID filingId) {
        return cases.visible(actor, filingId)
                .map(f -> changes.byFiling(f.id()).stream().map(FilingChangeStore.Row::toRecord).toList())
                .orElse(List.of());
    }

    /** The change a review task is about, if the clerk may work on that task. */
    public Optional<FilingChangeRecord> forReviewTask(AppUser clerk, String taskId) {
        return reviews.find(clerk, taskId, REVIEW_TASK)
                .flatMap(t -> changes.byProcessInstance(t.processInstanceId()))
                .filter(r -> cases.visible(clerk, r.filingId()).isPresent())
                .map(FilingChangeStore.Row::toRecord);
    }

    /** The clerk approves it. */
    @Transactional
    public FilingChangeRecord approve(AppUser clerk, String taskId) {
        return decide(clerk, taskId, Reviews.Outcome.APPROVE, null);
    }

    /** The clerk refuses it with a reason the person sees. */
    @Transactional
    public FilingChangeRecord refuse(AppUser clerk, String taskId, String reason) {
        return decide(clerk, taskId, Reviews.Outcome.REFUSE, reason);
    }

    private FilingChangeRecord decide(AppUser clerk, String taskId, Reviews.Outcome outcome, String reason) {
        FilingChangeRecord change = forReviewTask(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        try {
            reviews.decide(clerk, taskId, outcome, reason);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        return changes.find(change.id()).orElseThrow().toRecord();
    }

    static BusinessRuleException pendingChange() {
        return new BusinessRuleException("此备案存在未审核通过的信息变更，请等待审核结果",
                "A change of this filing awaits review; please wait for its result");
    }

    /** Unwraps what the engine wrapped: a rule's refusal, or a constraint the database enforced. */
    static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BusinessRuleException b) {
                return b;
            }
            if (t instanceof DataIntegrityViolationException d) {
                String m = String.valueOf(d.getMostSpecificCause().getMessage());
                if (m.contains("filing_change_one_pending")) {
                    return pendingChange();
                }
                return FilingCases.translate(d);
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("filing_no_overlap")) {
                return FilingCases.overlap(null);
            }
            if (m.contains("filing_change_one_pending")) {
                return pendingChange();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e;
    }
}
