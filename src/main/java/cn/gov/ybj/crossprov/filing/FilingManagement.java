package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
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

    FilingManagement(FilingCases cases) {
        this.cases = cases;
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

    /** The text version of the 告知书 and 承诺书 the applicant accepts. */
    public static String noticeText() {
        return FilingCases.NOTICE;
    }

    public static String commitmentText() {
        return FilingCases.COMMITMENT;
    }

    // ---------------------------------------------------------------- 补充材料 (supplemental materials)

    /** Set by Spring; a field so this feature's wiring stays in its own block. */
    @org.springframework.beans.factory.annotation.Autowired
    private cn.gov.ybj.crossprov.filing.internal.SupplementCases supplementCases;

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
}
