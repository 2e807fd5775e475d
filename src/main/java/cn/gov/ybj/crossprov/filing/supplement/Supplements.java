package cn.gov.ybj.crossprov.filing.supplement;

import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.filing.internal.StoredMaterial;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
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
 * 补充材料 (004 §2.1.1.3, §2.2.1.4): a commitment-based long-term filing that is open adds its
 * materials; a clerk of the insured area reviews them (also for self-service filings). Case
 * {@code bpmn/supplemental-materials.bpmn}, business key = the filing's application serial.
 */
@Component
public class Supplements {

    public static final String PROCESS_KEY = "supplemental-materials";
    public static final String REVIEW_TASK = "Task_ReviewSupplement";

    private final FilingCases filings;
    private final FilingStore filingStore;
    private final SupplementStore store;
    private final RuntimeService runtime;
    private final Reviews reviews;

    Supplements(FilingCases filings, FilingStore filingStore, SupplementStore store, RuntimeService runtime,
                    Reviews reviews) {
        this.filings = filings;
        this.filingStore = filingStore;
        this.store = store;
        this.runtime = runtime;
        this.reviews = reviews;
    }

    @Transactional
    public Supplement submit(AppUser actor, UUID filingId, List<FilingApplication.Material> files) {
        Filing filing = filings.visible(actor, filingId).orElseThrow(() ->
                new BusinessRuleException("备案不存在", "No such filing"));
        if (actor.realm() != Realm.INSURED) {
            throw new BusinessRuleException("补充材料由参保人本人在线提交", "Supplemental materials are submitted online by the insured person");
        }
        check(filing);
        if (files == null || files.isEmpty()) {
            throw new BusinessRuleException("请至少上传一个材料文件（PDF、JPG 或 PNG）", "Please upload at least one file (PDF, JPG or PNG)");
        }
        String kind = filing.filingType().material();
        List<StoredMaterial> checked = files.stream()
                .map(f -> StoredMaterial.check(new FilingApplication.Material(kind, f.fileName(), f.content())))
                .toList();
        UUID id = UUID.randomUUID();
        String by = actor.account();
        try {
            store.insert(id, filing.id(), by);
        } catch (DataIntegrityViolationException e) {
            // a second submission raced this one; the database let the first one through
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains(SupplementStore.ONE_LIVE)) {
                throw underReview();
            }
            throw e;
        }
        checked.forEach(m -> store.addMaterial(id, filing.id(), m));
        filingStore.addEvent(filing.id(), by, "提交补充材料", "Supplemental materials submitted", filing.status(), null, false);
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(filing.applicationSerial()) // Cockpit finds the filing's requests by its serial
                .setVariables(Variables.createVariables()
                        .putValue("filingId", filing.id().toString())
                        .putValue("requestId", id.toString()))
                .execute();
        store.linkProcess(id, instance.getId());
        return find(filing.id(), id).orElseThrow();
    }

    /** The rules on the filing; each refusal says why, nothing is written. */
    private void check(Filing f) {
        if (f.status() != FilingStatus.OPENED) {
            throw new BusinessRuleException("只有备案成功（已开通）的备案可以补充材料",
                    "Only a filing that is in force (opened) can add supplemental materials");
        }
        if (!f.commitmentBased()) {
            throw new BusinessRuleException("该备案不是以个人承诺方式办理的长期居住备案，无需补充材料",
                    "This is not a long-term filing made on a personal commitment; no supplemental materials are needed");
        }
        if (!f.online()) {
            throw new BusinessRuleException("该备案由经办窗口或地方平台办理，请到经办窗口补充材料",
                    "This filing was made at a counter or local platform; please add materials at the counter");
        }
        if (f.bothPlaces()) {
            throw approved();
        }
        Optional<Supplement.Status> live = store.liveStatus(f.id());
        if (live.isPresent()) {
            throw live.get() == Supplement.Status.APPROVED ? approved() : underReview();
        }
    }

    private static BusinessRuleException underReview() {
        return new BusinessRuleException("补充材料正在审核中，请勿重复提交",
                "Supplemental materials are under review; please do not submit again");
    }

    private static BusinessRuleException approved() {
        return new BusinessRuleException("补充材料已审核通过", "The supplemental materials have already been approved");
    }

    /** The filing's supplements with their files, oldest first; empty for a filing the user may not see. */
    public List<Supplement> ofFiling(AppUser actor, UUID filingId) {
        return filings.visible(actor, filingId).map(f -> store.ofFiling(f.id())).orElse(List.of());
    }

    private Optional<Supplement> find(UUID filingId, UUID id) {
        return store.ofFiling(filingId).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The supplement a review task is about, if the clerk may work on that task. */
    public Optional<Supplement> forReviewTask(AppUser clerk, String taskId) {
        return reviews.find(clerk, taskId, REVIEW_TASK)
                .flatMap(t -> store.byProcessInstance(t.processInstanceId()))
                .flatMap(store::find)
                .filter(row -> filings.visible(clerk, row.filingId()).isPresent())
                .flatMap(row -> find(row.filingId(), row.id()));
    }

    /** The clerk approves it. */
    @Transactional
    public Supplement approve(AppUser clerk, String taskId) {
        return decide(clerk, taskId, Reviews.Outcome.APPROVE, null);
    }

    /** The clerk returns it with a reason the person sees. */
    @Transactional
    public Supplement returnForCorrection(AppUser clerk, String taskId, String reason) {
        return decide(clerk, taskId, Reviews.Outcome.RETURN, reason);
    }

    private Supplement decide(AppUser clerk, String taskId, Reviews.Outcome outcome, String reason) {
        Supplement s = forReviewTask(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        reviews.decide(clerk, taskId, outcome, reason);
        return find(s.filingId(), s.id()).orElseThrow();
    }
}
