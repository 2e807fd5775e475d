package cn.gov.ybj.crossprov.filing.chronic;

import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.internal.FilingRules;
import cn.gov.ybj.crossprov.filing.internal.FilingStore;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.ChronicQualification;
import cn.gov.ybj.crossprov.insured.ChronicQualifications;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 门诊慢特病医疗机构选择 (004 §3) behind {@link cn.gov.ybj.crossprov.filing.FilingManagement}: a
 * qualified person picks one designated institution of an opened online filing's destination
 * per submission; the insured area's clerks review it in 2 working days
 * ({@code bpmn/chronic-institution-choice.bpmn}).
 */
@Component
public class ChronicChoices {

    public static final String PROCESS_KEY = "chronic-institution-choice";
    public static final String REVIEW_TASK = "Task_ReviewChoice";

    private final FilingCases cases;
    private final FilingStore filings;
    private final ChronicChoiceStore store;
    private final ChronicQualifications qualifications;
    private final InsuredAccounts accounts;
    private final DesignatedInstitutions institutions;
    private final RuntimeService runtime;
    private final Reviews reviews;

    ChronicChoices(FilingCases cases, FilingStore filings, ChronicChoiceStore store, ChronicQualifications qualifications,
                   InsuredAccounts accounts, DesignatedInstitutions institutions, RuntimeService runtime, Reviews reviews) {
        this.cases = cases;
        this.filings = filings;
        this.store = store;
        this.qualifications = qualifications;
        this.accounts = accounts;
        this.institutions = institutions;
        this.runtime = runtime;
        this.reviews = reviews;
    }

    /** 门诊慢特病资格 valid today: an insured person's own or a linked family member's; a clerk's area's. */
    public List<ChronicQualification> qualifications(AppUser actor, String personIdNumber) {
        if (personIdNumber == null || personIdNumber.isBlank()) {
            return List.of();
        }
        List<ChronicQualification> all = qualifications.validToday(personIdNumber);
        return switch (actor.realm()) {
            case INSURED -> accounts.mayActFor(actor, personIdNumber) ? all : List.of();
            case CLERKS -> all.stream().filter(q -> q.insuredAreaCode().equals(actor.unitCode())).toList();
            case PROVINCIAL -> List.of();
        };
    }

    /** The person's choices (one disease, or all when {@code diseaseCode} is null), newest first, as far as the actor may see. */
    public List<ChronicChoice> choices(AppUser actor, String personIdNumber, String diseaseCode) {
        if (personIdNumber == null || personIdNumber.isBlank()) {
            return List.of();
        }
        String person = IdNumber.canonical(personIdNumber);
        String disease = diseaseCode == null || diseaseCode.isBlank() ? null : diseaseCode.strip();
        if (actor.realm() == Realm.INSURED) {
            return accounts.mayActFor(actor, person) ? store.ofPerson(person, disease) : List.of();
        }
        return store.ofPerson(person, disease).stream()
                .filter(c -> cases.visible(actor, c.filingId()).isPresent()).toList();
    }

    /** 选择门诊慢特病医疗机构: one institution per submission; refusals write nothing. */
    @Transactional
    public ChronicChoice choose(AppUser actor, UUID filingId, String diseaseCode, String institutionCode) {
        Filing filing = cases.visible(actor, filingId).orElseThrow(ChronicChoices::filingNotFound);
        if (actor.realm() != Realm.INSURED) {
            throw new BusinessRuleException("门诊慢特病医疗机构选择由参保人本人在线办理", "Only the insured person chooses the institution online");
        }
        if (filing.status() != FilingStatus.OPENED || !filing.online()) {
            throw new BusinessRuleException("仅已开通的线上备案可以选择门诊慢特病医疗机构",
                    "Only an opened online filing allows choosing a chronic disease institution");
        }
        if (diseaseCode == null || diseaseCode.isBlank()) {
            throw new BusinessRuleException("请选择门慢特病病种", "Please choose the disease");
        }
        ChronicQualification qualification = qualifications.validToday(filing.personIdNumber(), diseaseCode.strip())
                .orElseThrow(() -> new BusinessRuleException("备案人没有该病种的有效门诊慢特病资格",
                        "The person holds no valid chronic disease qualification for this disease"));
        if (institutionCode == null || institutionCode.isBlank()) {
            throw new BusinessRuleException("请选择一家医疗机构", "Please choose one institution");
        }
        if (institutionCode.contains(",") || institutionCode.strip().contains(" ")) {
            throw new BusinessRuleException("每次只能提交1家医疗机构", "One institution per submission");
        }
        Institution institution = institutions.find(institutionCode.strip()).orElseThrow(() ->
                new BusinessRuleException("未找到该跨省联网定点医疗机构", "No such cross-province designated institution"));
        if (!institution.divisionCode().startsWith(FilingRules.destinationPrefix(filing.treatmentAreaCode()))) {
            throw new BusinessRuleException("该医疗机构不在备案就医地，请选择就医地的定点医疗机构",
                    "The institution is not in the filing's treatment area");
        }
        if (store.live(qualification.personIdNumber(), qualification.diseaseCode(), institution.code())) {
            throw alreadyChosen();
        }
        String by = actor.account();
        UUID id = UUID.randomUUID();
        String serial = store.nextSerial();
        try {
            store.insert(id, serial, filing.id(), qualification, institution, by, Instant.now());
        } catch (DataIntegrityViolationException e) {
            // two submissions of the same disease and institution raced: the partial unique index decided
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("chronic_choice_one_live")) {
                throw alreadyChosen();
            }
            throw e;
        }
        filings.addEvent(filing.id(), by, "提交门诊慢特病医疗机构选择（" + qualification.diseaseName() + "·"
                + institution.name() + "，流水号 " + serial + "）", "Chronic disease institution choice submitted ("
                + qualification.diseaseName() + " · " + institution.name() + ", serial " + serial + ")", filing.status(), null, false);
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(serial) // the choice's own serial, which the person and the clerk see
                .setVariables(Variables.createVariables()
                        .putValue("filingId", filing.id().toString())
                        .putValue("requestId", id.toString()))
                .execute();
        store.linkProcess(id, instance.getId());
        return store.find(id).orElseThrow();
    }

    /** The choice a review task is about, if the clerk may work on that task. */
    public Optional<ChronicChoice> forReviewTask(AppUser clerk, String taskId) {
        return reviews.find(clerk, taskId, REVIEW_TASK)
                .flatMap(t -> store.byProcessInstance(t.processInstanceId()))
                .filter(c -> cases.visible(clerk, c.filingId()).isPresent());
    }

    /** The clerk approves it. */
    @Transactional
    public ChronicChoice approve(AppUser clerk, String taskId) {
        return decide(clerk, taskId, Reviews.Outcome.APPROVE, null);
    }

    /** The clerk refuses it with a reason the person sees. */
    @Transactional
    public ChronicChoice refuse(AppUser clerk, String taskId, String reason) {
        return decide(clerk, taskId, Reviews.Outcome.REFUSE, reason);
    }

    private ChronicChoice decide(AppUser clerk, String taskId, Reviews.Outcome outcome, String reason) {
        ChronicChoice choice = forReviewTask(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        reviews.decide(clerk, taskId, outcome, reason);
        return store.find(choice.id()).orElseThrow();
    }

    private static BusinessRuleException alreadyChosen() {
        return new BusinessRuleException("该病种已选择此医疗机构（审核中或已审核通过），不能重复提交",
                "This institution is already chosen for the disease (under review or approved)");
    }

    private static BusinessRuleException filingNotFound() {
        return new BusinessRuleException("备案不存在", "No such filing");
    }
}
