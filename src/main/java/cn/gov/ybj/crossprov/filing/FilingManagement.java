package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.internal.CaseProgressQuery;
import cn.gov.ybj.crossprov.filing.internal.FilingCancellations;
import cn.gov.ybj.crossprov.filing.internal.ChronicChoices;
import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.internal.FilingChanges;
import cn.gov.ybj.crossprov.filing.internal.SupplementCases;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.ChronicQualification;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 异地就医备案: what insured persons, counter clerks and reviewers do with filings. Every method
 * takes the acting user and shows or changes only what is theirs: a person's own and linked
 * family members' filings, a clerk's pooling area, an officer's province. A filing the user may
 * not see is reported as absent, never as forbidden.
 */
@Service
public class FilingManagement {

    private final FilingCases cases;
    private final CaseProgressQuery progress;
    private final FilingChanges changes;
    private final FilingCancellations cancellations;
    private final SupplementCases supplementCases;
    private final ChronicChoices chronic;

    FilingManagement(FilingCases cases, CaseProgressQuery progress, FilingChanges changes,
                     FilingCancellations cancellations, SupplementCases supplementCases, ChronicChoices chronic) {
        this.cases = cases;
        this.progress = progress;
        this.changes = changes;
        this.cancellations = cancellations;
        this.supplementCases = supplementCases;
        this.chronic = chronic;
    }

    /**
     * Files an application (online by an insured person, 地方平台 by a counter clerk) and starts its
     * case. Sending the same idempotency key again returns the first filing and creates nothing.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException when a rule refuses it; nothing is written
     */
    public Filing submit(AppUser actor, FilingApplication application, String idempotencyKey) {
        return cases.submit(actor, application, idempotencyKey);
    }

    /** 修改备案: the applicant corrects a returned filing and sends it back to review in the same case. */
    public Filing resubmit(AppUser actor, UUID filingId, FilingApplication application) {
        return cases.resubmit(actor, filingId, application);
    }

    public Optional<Filing> find(AppUser actor, UUID filingId) {
        return cases.visible(actor, filingId);
    }

    /** 我的备案: the person's and linked family members' filings, newest first. */
    public List<Filing> mine(AppUser actor) {
        if (actor.realm() != Realm.INSURED) {
            return List.of();
        }
        return cases.ofPersonAndFamily(actor);
    }

    /** What the filing's lifecycle requests allow now; {@link FilingOptions#NONE} for a filing the user may not see. */
    public FilingOptions options(AppUser actor, Filing filing) {
        // the filing in hand was read for this user (records list, details): no second read, only the check
        return cases.mayView(actor, filing) ? cases.options(filing) : FilingOptions.NONE;
    }

    /** The actions 我的备案 offers the person on the filing; none for other realms or a filing they may not see. */
    public List<FilingAction> actions(AppUser actor, Filing filing) {
        return actor.realm() == Realm.INSURED ? FilingAction.allowed(filing, options(actor, filing)) : List.of();
    }

    public List<Filing.Event> history(AppUser actor, UUID filingId) {
        return cases.visible(actor, filingId).map(f -> cases.history(f.id())).orElse(List.of());
    }

    public List<FilingMaterial> materials(AppUser actor, UUID filingId) {
        return cases.visible(actor, filingId).map(f -> cases.materials(f.id())).orElse(List.of());
    }

    public Optional<byte[]> materialContent(AppUser actor, UUID filingId, UUID materialId) {
        return cases.visible(actor, filingId).flatMap(f -> cases.materialContent(f.id(), materialId));
    }

    /** The filing a review task is about, if the clerk may work on that task. */
    public Optional<Filing> forReviewTask(AppUser clerk, String taskId) {
        return cases.forReviewTask(clerk, taskId);
    }

    /** The clerk approves the filing under review: it opens with its filing number (备案成功). */
    public Filing approve(AppUser clerk, String taskId) {
        return cases.decide(clerk, taskId, true, null);
    }

    /** The clerk returns the filing with a reason (被退回); the applicant may correct and resubmit it. */
    public Filing returnForCorrection(AppUser clerk, String taskId, String reason) {
        return cases.decide(clerk, taskId, false, reason);
    }

    /** 办件进度: everything the person and their linked family applied for, newest first. */
    public List<CaseProgress> progress(AppUser actor) {
        return progress.of(cases.personAndFamily(actor));
    }

    /** The steps of one of the person's items; empty when the case is not theirs. */
    public List<CaseProgress.Step> progressSteps(AppUser actor, String processInstanceId) {
        boolean theirs = progress(actor).stream().anyMatch(p -> p.processInstanceId().equals(processInstanceId));
        return theirs ? progress.steps(processInstanceId) : List.of();
    }

    // ---- 信息变更 (change of an opened online filing; bpmn/filing-change.bpmn) ----

    /**
     * 信息变更: the person changes the period, contact details or (where the filing names one) the
     * institution of an opened online filing. Applied at once (status APPLIED, a new version,
     * reported to the national registry) or, for the fields 003 第九条 names, sent to the insured
     * area's clerks (status PENDING).
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException when a rule refuses it; nothing is written
     */
    public FilingChangeRecord requestChange(AppUser actor, UUID filingId, FilingChange change) {
        return changes.request(actor, filingId, change);
    }

    /** 变更记录 of a filing the user may see, newest first. */
    public List<FilingChangeRecord> changes(AppUser actor, UUID filingId) {
        return changes.history(actor, filingId);
    }

    /** The change a review task is about, if the clerk may work on that task. */
    public Optional<FilingChangeRecord> changeForReviewTask(AppUser clerk, String taskId) {
        return changes.forReviewTask(clerk, taskId);
    }

    /** The clerk approves the change: the filing takes the new values and the registry is told. */
    public FilingChangeRecord approveChange(AppUser clerk, String taskId) {
        return changes.decide(clerk, taskId, true, null);
    }

    /** The clerk refuses the change with a reason; the filing keeps its values. */
    public FilingChangeRecord refuseChange(AppUser clerk, String taskId, String reason) {
        return changes.decide(clerk, taskId, false, reason);
    }

    // ---- 取消备案 (cancellation, bpmn/filing-cancellation.bpmn) ----

    /**
     * 取消备案: online by the person (a self-service filing closes at once, a quick filing's request
     * goes to the insured area's clerks) or at the counter by a COUNTER clerk of the insured area
     * (closes at once). While a request is pending another is refused with
     * 「此备案存在未审核通过的撤销申请，不支持再次申请」, also when two race.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException when a rule refuses it; nothing is written
     */
    public Cancellation requestCancellation(AppUser actor, UUID filingId) {
        return cancellations.request(actor, filingId);
    }

    /** The cancellation request a review task is about, if the clerk may work on that task. */
    public Optional<Cancellation> cancellationForReviewTask(AppUser clerk, String taskId) {
        return cancellations.forReviewTask(clerk, taskId);
    }

    /** The clerk approves the cancellation: the filing is closed (已关闭) and the closure reported. */
    public Cancellation approveCancellation(AppUser clerk, String taskId) {
        return cancellations.decide(clerk, taskId, true, null);
    }

    /** The clerk refuses the cancellation with a reason the person sees; the filing stays open. */
    public Cancellation refuseCancellation(AppUser clerk, String taskId, String reason) {
        return cancellations.decide(clerk, taskId, false, reason);
    }

    /** The filing's cancellation requests, newest first; empty for a filing the user may not see. */
    public List<Cancellation> cancellations(AppUser actor, UUID filingId) {
        return cancellations.ofFiling(actor, filingId);
    }

    /** Whether the user is a counter clerk who may close this filing at the counter now (窗口取消备案). */
    public boolean mayCancelAtCounter(AppUser actor, Filing filing) {
        return cancellations.counterMayCancel(actor, filing);
    }

    // ---- 补充材料 (supplemental materials, bpmn/supplemental-materials.bpmn) ----

    /**
     * 补充材料: the person adds materials to an opened commitment-based long-term filing; a clerk of the
     * insured area reviews them (due in 2 working days).
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException when a rule refuses it; nothing is written
     */
    public Supplement submitSupplement(AppUser actor, UUID filingId, List<FilingApplication.Material> files) {
        return supplementCases.submit(actor, filingId, files);
    }

    /** The filing's supplements with their files, oldest first; empty for a filing the user may not see. */
    public List<Supplement> supplements(AppUser actor, UUID filingId) {
        return supplementCases.ofFiling(actor, filingId);
    }

    /** The supplement a review task is about, if the clerk may work on that task. */
    public Optional<Supplement> supplementForReviewTask(AppUser clerk, String taskId) {
        return supplementCases.forReviewTask(clerk, taskId);
    }

    /** Approves the supplement: the filing is valid in both places (双向享受待遇) and this is reported. */
    public Supplement approveSupplement(AppUser clerk, String taskId) {
        return supplementCases.decide(clerk, taskId, true, null);
    }

    /** Returns the supplement with a reason; the person may upload again. */
    public Supplement returnSupplement(AppUser clerk, String taskId, String reason) {
        return supplementCases.decide(clerk, taskId, false, reason);
    }

    // ---- 门诊慢特病医疗机构选择 (004 §3) ----

    /** 门诊慢特病资格 valid today of the person: the actor's own or a linked family member's (a clerk: own area's). */
    public List<ChronicQualification> chronicQualifications(AppUser actor, String personIdNumber) {
        return chronic.qualifications(actor, personIdNumber);
    }

    /**
     * 医疗机构审核列表: the person's choices for the disease (all diseases when {@code diseaseCode} is
     * null) under review, approved and refused, newest first.
     */
    public List<ChronicChoice> chronicChoices(AppUser actor, String personIdNumber, String diseaseCode) {
        return chronic.choices(actor, personIdNumber, diseaseCode);
    }

    /**
     * 选择门诊慢特病医疗机构: one designated institution of the opened online filing's destination for a
     * disease the person holds; answers the choice with its 医药机构变更流水号, under review.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException when a rule refuses it; nothing is written
     */
    public ChronicChoice chooseChronicInstitution(AppUser actor, UUID filingId, String diseaseCode, String institutionCode) {
        return chronic.choose(actor, filingId, diseaseCode, institutionCode);
    }

    /** The choice a review task is about, if the clerk may work on that task. */
    public Optional<ChronicChoice> chronicChoiceForReviewTask(AppUser clerk, String taskId) {
        return chronic.forReviewTask(clerk, taskId);
    }

    public ChronicChoice approveChronicChoice(AppUser clerk, String taskId) {
        return chronic.decide(clerk, taskId, true, null);
    }

    /** Refuses the choice with a reason the person sees; the institution may then be chosen again. */
    public ChronicChoice refuseChronicChoice(AppUser clerk, String taskId, String reason) {
        return chronic.decide(clerk, taskId, false, reason);
    }

    /** The text version of the 告知书 and 承诺书 the applicant accepts. */
    public static String noticeText() {
        return FilingCases.NOTICE;
    }

    public static String commitmentText() {
        return FilingCases.COMMITMENT;
    }
}
