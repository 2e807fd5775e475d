package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.internal.ChronicChoices;
import cn.gov.ybj.crossprov.filing.internal.FilingCases;
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
    private final ChronicChoices chronic;

    FilingManagement(FilingCases cases,
                     ChronicChoices chronic) {
        this.cases = cases;
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
        return cases.visible(actor, filing.id()).map(cases::options).orElse(FilingOptions.NONE);
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
