package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.internal.CaseProgressQuery;
import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.internal.FilingRules;
import cn.gov.ybj.crossprov.filing.internal.StoredMaterial;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 异地就医备案: what insured persons, counter clerks and reviewers do with filings themselves, and
 * 办件进度 over all of a person's items. The requests on an opened filing have their own APIs:
 * {@link cn.gov.ybj.crossprov.filing.change.FilingChanges} (信息变更),
 * {@link cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations} (取消备案),
 * {@link cn.gov.ybj.crossprov.filing.supplement.Supplements} (补充材料) and
 * {@link cn.gov.ybj.crossprov.filing.chronic.ChronicChoices} (门诊慢特病医疗机构选择). Every method
 * takes the acting user and shows or changes only what is theirs: a person's own and linked
 * family members' filings, a clerk's pooling area, an officer's province. A filing the user may
 * not see is reported as absent, never as forbidden.
 */
@Service
public class FilingManagement {

    private final FilingCases cases;
    private final CaseProgressQuery progress;

    FilingManagement(FilingCases cases, CaseProgressQuery progress) {
        this.cases = cases;
        this.progress = progress;
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

    /**
     * For the settlement of a discharge (module {@code settlement}, not a user's view): the person's
     * filings that are open (备案成功 / 已开通) on the date, i.e. whose period contains it. The caller
     * checks the treatment area against the institution.
     */
    public List<Filing> openedOn(String personIdNumber, LocalDate date) {
        return cases.openedOn(personIdNumber, date);
    }

    /** 修改备案: the applicant corrects a returned filing and sends it back to review in the same case. */
    public Filing resubmit(AppUser actor, UUID filingId, FilingApplication application) {
        return resubmit(actor, filingId, application, Set.of());
    }

    /**
     * {@link #resubmit(AppUser, UUID, FilingApplication)} that also takes materials already on the filing off it
     * (the applicant removed them on 修改备案); they go only with the resubmission. Materials left on the filing
     * count as given.
     */
    public Filing resubmit(AppUser actor, UUID filingId, FilingApplication application, Set<UUID> removedMaterials) {
        return cases.resubmit(actor, filingId, application, removedMaterials);
    }

    /**
     * The period rules of {@link #submit} made early, at the wizard's step with the dates: the date window and
     * no overlap with the person's filings under review or opened; {@code replacing} is the returned filing
     * being corrected (or null).
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException the refusal submission would give
     */
    public void checkPeriod(AppUser actor, String personIdNumber, LocalDate start, LocalDate end,
                            UUID replacing) {
        cases.checkPeriod(actor, personIdNumber, start, end, replacing);
    }

    /** The contact phone rule of {@link #submit}: an 11-digit mobile or a landline with area code. */
    public static void checkPhone(String phone) {
        FilingRules.checkPhone(phone);
    }

    /**
     * The check of an uploaded file that {@link #submit} makes: PDF, JPG or PNG by content, readable, at most
     * 10 MB; run at upload so a refused file is shown at once.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException naming the file and why it is refused
     */
    public static void checkMaterial(FilingApplication.Material material) {
        StoredMaterial.check(material);
    }

    public Optional<Filing> find(AppUser actor, UUID filingId) {
        return cases.visible(actor, filingId);
    }

    /**
     * 备案查询: a clerk finds filings of their insured pooling area by the {@link FilingQuery}'s criteria; other
     * users find nothing.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException for a criterion that cannot match (an invalid ID number …)
     */
    public FilingQuery.Page search(AppUser actor, FilingQuery query) {
        return cases.search(actor, query);
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

    /**
     * {@link #options(AppUser, Filing)} of a whole records list at once (one statement for the requests of all
     * rows); filings the user may not see get {@link FilingOptions#NONE}.
     */
    public Map<UUID, FilingOptions> options(AppUser actor, List<Filing> filings) {
        Map<UUID, FilingOptions> options = new HashMap<>(cases.options(filings.stream().filter(f -> cases.mayView(actor, f)).toList()));
        filings.forEach(f -> options.putIfAbsent(f.id(), FilingOptions.NONE));
        return options;
    }

    /** {@link #actions(AppUser, Filing)} with the options read already (a records list reads them for all rows at once). */
    public List<FilingAction> actions(AppUser actor, Filing filing, FilingOptions options) {
        return actor.realm() == Realm.INSURED ? FilingAction.allowed(filing, options) : List.of();
    }

    /**
     * 撤回申请: the applicant withdraws an online filing still 申办中 (waiting for review). It closes
     * (已关闭, reason 申请人撤回), its case and review task end, the history says so, nothing is reported to
     * the national registry, and its period is free for a new filing.
     *
     * @throws cn.gov.ybj.crossprov.shared.BusinessRuleException 备案不存在 for a filing the user may not see;
     *         a refusal when it is no longer 申办中 (e.g. a clerk decided first) or not online
     */
    public Filing withdraw(AppUser actor, UUID filingId) {
        return cases.withdraw(actor, filingId);
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
        return cases.decide(clerk, taskId, Reviews.Outcome.APPROVE, null);
    }

    /** The clerk returns the filing with a reason (被退回); the applicant may correct and resubmit it. */
    public Filing returnForCorrection(AppUser clerk, String taskId, String reason) {
        return cases.decide(clerk, taskId, Reviews.Outcome.RETURN, reason);
    }

    /** 办件进度: everything the person and their linked family applied for, newest first. */
    public List<CaseProgress> progress(AppUser actor) {
        return progress.of(cases.personAndFamily(actor));
    }

    /** The steps of one of the person's items; empty when the case is not theirs. */
    public List<CaseProgress.Step> progressSteps(AppUser actor, String processInstanceId) {
        return progress(actor).stream().filter(p -> p.processInstanceId().equals(processInstanceId)).findFirst()
                .map(progress::steps).orElse(List.of());
    }

    /** The text version of the 告知书 and 承诺书 the applicant accepts. */
    public static String noticeText() {
        return FilingCases.NOTICE;
    }

    public static String commitmentText() {
        return FilingCases.COMMITMENT;
    }

    /** The 告知书 to read in the given language; English is a translation for reference (the Chinese text applies). */
    public static String noticeText(Locale locale) {
        return english(locale) ? FilingCases.NOTICE_EN : FilingCases.NOTICE;
    }

    /** The 承诺书 to read in the given language; English is a translation for reference (the Chinese text applies). */
    public static String commitmentText(Locale locale) {
        return english(locale) ? FilingCases.COMMITMENT_EN : FilingCases.COMMITMENT;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
