package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.filing.FilingQuery;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.ChronicQualifications;
import cn.gov.ybj.crossprov.insured.Eligibility;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The filing cases behind {@link cn.gov.ybj.crossprov.filing.FilingManagement}. */
@Component
public class FilingCases {

    public static final String PROCESS_KEY = "filing";
    public static final String REVIEW_TASK = "Task_ReviewFiling";
    public static final String RESUBMITTED_MESSAGE = "FilingResubmitted";
    /** status reason of a filing its applicant withdrew while 申办中 */
    public static final String WITHDRAWN_REASON = "申请人撤回";
    public static final String WITHDRAWN_REASON_EN = "Withdrawn by the applicant";
    public static final String NOTICE = resource("/filing/notice.txt");
    public static final String COMMITMENT = resource("/filing/commitment.txt");
    /** translations for reading in English; the Chinese texts above are the ones accepted and stored */
    public static final String NOTICE_EN = resource("/filing/notice_en.txt");
    public static final String COMMITMENT_EN = resource("/filing/commitment_en.txt");

    private final FilingStore store;
    private final PoolingAreas areas;
    private final Divisions divisions;
    private final DesignatedInstitutions institutions;
    private final InsuranceRegistry registry;
    private final FilingEligibilityRules eligibilityRules;
    private final InsuredAccounts accounts;
    private final RuntimeService runtime;
    private final Reviews reviews;
    private final FilingDateWindow dates;
    private final ChronicQualifications qualifications;

    FilingCases(FilingStore store, PoolingAreas areas, Divisions divisions, DesignatedInstitutions institutions,
                InsuranceRegistry registry, InsuredAccounts accounts, RuntimeService runtime,
                Reviews reviews, FilingDateWindow dates, ChronicQualifications qualifications, FilingEligibilityRules eligibilityRules) {
        this.qualifications = qualifications;
        this.eligibilityRules = eligibilityRules;
        this.dates = dates;
        this.store = store;
        this.areas = areas;
        this.divisions = divisions;
        this.institutions = institutions;
        this.registry = registry;
        this.accounts = accounts;
        this.runtime = runtime;
        this.reviews = reviews;
    }

    @Transactional
    public Filing submit(AppUser actor, FilingApplication asked, String idempotencyKey) {
        FilingApplication a = asked.atProvinceLevel();
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw new BusinessRuleException("缺少或无效的请求标识（Idempotency-Key）", "Missing or invalid idempotency key");
        }
        String submittedBy = actor.account();
        store.lockPerson(a.personIdNumber());
        // a repeated submission is answered before any rule runs again: it may be a retry after a timeout
        FilingStore.KeyCheck key = store.checkKey(submittedBy, idempotencyKey);
        if (key.earlier() != null) {
            return store.find(key.earlier()).orElseThrow();
        }
        Checked checked = check(actor, a, null, false);
        UUID id = UUID.randomUUID();
        List<StoredMaterial> materials = a.materials().stream().map(StoredMaterial::check).toList();
        // written once its case has set its first state (FilingStore.hold); the rules above hold under the person's lock
        store.hold(new FilingStore.NewFiling(id, key.serial(), idempotencyKey, submittedBy, checked.channel(), a,
                checked.person().name(), checked.treatmentProvince(), COMMITMENT, Instant.now()));
        try {
            materials.forEach(m -> store.addMaterial(id, m));
            store.addEvent(id, submittedBy, "提交备案申请", "Filing application submitted", FilingStatus.SUBMITTED, null);
            provinceLevelNoted(id, submittedBy, asked, a);
            // the business key is the human serial, so Cockpit's search finds the case by it
            ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey(key.serial())
                    .setVariables(variables(id, a, checked.area(), !materials.isEmpty(), checked.channel(), checked.ineligible()))
                    .execute();
            store.linkProcess(id, instance.getId()); // unless the step that opened it or sent it to review has
            return store.written(id).orElseThrow();
        } catch (RuntimeException e) {
            throw translateCause(e);
        }
    }

    /**
     * @param removedMaterials materials on the filing the applicant took off before resubmitting; they are
     *                         deleted here, with the resubmission, so leaving the screen loses nothing
     */
    @Transactional
    public Filing resubmit(AppUser actor, UUID filingId, FilingApplication asked, Set<UUID> removedMaterials) {
        FilingApplication a = asked.atProvinceLevel();
        Filing filing = visible(actor, filingId).orElseThrow(FilingCases::notFound);
        if (filing.status() != FilingStatus.RETURNED) {
            throw new BusinessRuleException("只有被退回的备案可以修改后重新提交", "Only a returned filing can be corrected and resubmitted");
        }
        if (!filing.personIdNumber().equals(a.personIdNumber()) || !filing.insuredAreaCode().equals(a.insuredAreaCode())) {
            throw new BusinessRuleException("修改备案不能更换备案人或参保地，请重新申请", "Person and insured area cannot change; file anew");
        }
        store.lockPerson(filing.personIdNumber());
        Set<UUID> removed = removedMaterials == null ? Set.of() : removedMaterials;
        List<FilingMaterial> kept = store.materials(filingId).stream().filter(m -> !removed.contains(m.id())).toList();
        Checked checked = check(actor, a, filingId, !kept.isEmpty());
        List<StoredMaterial> materials = a.materials().stream().map(StoredMaterial::check).toList();
        try {
            if (!store.resubmit(filingId, a, checked.treatmentProvince())) {
                throw new BusinessRuleException("备案状态已变化，请刷新后重试", "The filing changed meanwhile; reload and retry");
            }
        } catch (DataIntegrityViolationException e) {
            throw translate(e);
        }
        List<String> removedNames = store.removeMaterials(filingId, removed);
        if (!removedNames.isEmpty()) {
            String names = String.join("、", removedNames);
            store.addEvent(filingId, actor.account(), "移除已上传的材料：" + names, "Removed uploaded materials: " + names,
                    FilingStatus.SUBMITTED, null, false);
        }
        materials.forEach(m -> store.addMaterial(filingId, m));
        store.addEvent(filingId, actor.account(), "修改备案后重新提交", "Corrected and resubmitted", FilingStatus.SUBMITTED, null);
        provinceLevelNoted(filingId, actor.account(), asked, a);
        boolean materialsGiven = !materials.isEmpty() || !store.materials(filingId).isEmpty();
        // by the stored instance id: works for old cases (key = filing id) and new ones (key = serial) alike
        runtime.createMessageCorrelation(RESUBMITTED_MESSAGE)
                .processInstanceId(filing.processInstanceId())
                .setVariables(variables(filingId, a, checked.area(), materialsGiven, filing.channel(), checked.ineligible()))
                .correlate();
        return store.find(filingId).orElseThrow();
    }

    /** Whether the user may see the filing: own or family (insured), own area (clerk), own province (officer). */
    /** The person's opened filings on the date (for settlements; no user, no visibility rule). */
    public List<Filing> openedOn(String personIdNumber, java.time.LocalDate date) {
        return store.openedOn(personIdNumber, date);
    }

    public Optional<Filing> visible(AppUser actor, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return store.find(id).filter(f -> mayView(actor, f));
    }

    /** 备案查询: a clerk's search within their pooling area; nothing for anyone else. */
    public FilingQuery.Page search(AppUser actor, FilingQuery query) {
        FilingQuery q = query.normalised();
        if (actor.realm() != Realm.CLERKS || actor.unitCode() == null) {
            return new FilingQuery.Page(List.of(), q.page(), q.size(), false);
        }
        return store.search(actor.unitCode(), q);
    }

    public boolean mayView(AppUser actor, Filing f) {
        return switch (actor.realm()) {
            case INSURED -> accounts.mayActFor(actor, f.personIdNumber());
            case CLERKS -> f.insuredAreaCode().equals(actor.unitCode());
            case PROVINCIAL -> actor.isNationalCentre()
                    || (RegionCode.isValid(actor.unitCode())
                            && RegionCode.of(actor.unitCode()).sameProvince(RegionCode.of(f.insuredAreaCode())));
        };
    }

    public List<Filing> ofPersonAndFamily(AppUser actor) {
        return store.byPersons(personAndFamily(actor));
    }

    /** The person behind the account and their linked family members; nobody for other realms or unlinked accounts. */
    public Set<String> personAndFamily(AppUser actor) {
        return new LinkedHashSet<>(accounts.personsOf(actor));
    }

    public FilingOptions options(Filing f) {
        return options(List.of(f)).get(f.id());
    }

    /** The options of a records list: one statement for the requests, the qualification once per person. */
    public Map<UUID, FilingOptions> options(List<Filing> filings) {
        Map<UUID, FilingStore.Requests> requests = store.requests(filings.stream().map(Filing::id).toList());
        Map<String, Boolean> qualified = new HashMap<>();
        Map<UUID, FilingOptions> result = new HashMap<>();
        for (Filing f : filings) {
            boolean counterOnly = areas.find(f.insuredAreaCode()).map(a -> FilingRules.cancelAtCounterOnly(f, a)).orElse(false);
            boolean chronic = qualified.computeIfAbsent(f.personIdNumber(), p -> !qualifications.validToday(p).isEmpty());
            result.put(f.id(), requests.getOrDefault(f.id(), FilingStore.Requests.NONE).options(chronic, counterOnly));
        }
        return result;
    }

    /**
     * 撤回申请: the applicant withdraws an online filing still waiting for review. Serialised with the
     * clerk's decision by the person's lock: a decision made first wins (the filing is no longer
     * 申办中 and this is refused), a withdrawal made first ends the case and its review task.
     * Nothing goes to the national registry: a filing never opened was never filed there.
     */
    @Transactional
    public Filing withdraw(AppUser actor, UUID filingId) {
        Filing visible = visible(actor, filingId).orElseThrow(FilingCases::notFound);
        if (actor.realm() != Realm.INSURED) {
            throw new BusinessRuleException("只有申请人可以撤回备案申请", "Only the applicant can withdraw the application");
        }
        store.lockPerson(visible.personIdNumber());
        // read again under the lock: a clerk's decision that raced this one has committed by now
        Filing f = store.find(filingId).orElseThrow(FilingCases::notFound);
        if (f.status() != FilingStatus.SUBMITTED || !f.online() || !store.withdraw(f.id(), WITHDRAWN_REASON, WITHDRAWN_REASON_EN)) {
            throw notWithdrawable();
        }
        store.addEvent(f.id(), actor.account(), "申请人撤回申请", "Withdrawn by the applicant", FilingStatus.CLOSED,
                WITHDRAWN_REASON, WITHDRAWN_REASON_EN, false);
        // the case ends with its review task and overdue timer: nothing is left in a clerk's inbox
        reviews.endAll(FilingSteps.subject(f), WITHDRAWN_REASON, null,
                f.processInstanceId() == null ? List.of() : List.of(f.processInstanceId()));
        return store.find(f.id()).orElseThrow();
    }

    public static BusinessRuleException notWithdrawable() {
        return new BusinessRuleException("只有申办中的线上备案申请可以撤回", "Only an online application still in progress can be withdrawn");
    }

    public List<Filing.Event> history(UUID id) {
        return store.events(id);
    }

    public List<FilingMaterial> materials(UUID id) {
        return store.materials(id);
    }

    public Optional<byte[]> materialContent(UUID id, UUID materialId) {
        return store.materialContent(id, materialId);
    }

    public Optional<Filing> forReviewTask(AppUser clerk, String taskId) {
        return reviews.find(clerk, taskId, REVIEW_TASK)
                .flatMap(t -> store.byProcessInstance(t.processInstanceId()))
                .filter(f -> mayView(clerk, f));
    }

    /** Approves (opens) or returns the filing under review. */
    @Transactional
    public Filing decide(AppUser clerk, String taskId, Reviews.Outcome outcome, String reason) {
        Filing filing = forReviewTask(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        // serialised with the applicant's withdrawal: after one, the task is gone and decide says so
        store.lockPerson(filing.personIdNumber());
        reviews.decide(clerk, taskId, outcome, reason);
        return store.find(filing.id()).orElseThrow();
    }

    /** The person is told, in the case's history, that a district of a province-level destination was filed as the province. */
    private void provinceLevelNoted(UUID id, String by, FilingApplication asked, FilingApplication filed) {
        if (!filed.treatmentAreaCode().equals(asked.treatmentAreaCode())) {
            String province = divisions.name(filed.treatmentAreaCode()).orElse(filed.treatmentAreaCode());
            String district = divisions.name(asked.treatmentAreaCode().strip()).orElse(asked.treatmentAreaCode().strip());
            store.addEvent(id, by, "就医地" + district + "属于省级统筹地区，按" + province + "（" + filed.treatmentAreaCode() + "）登记备案",
                    "Destination " + district + " is pooled at province level: filed as " + province + " ("
                            + filed.treatmentAreaCode() + ")", FilingStatus.SUBMITTED, null);
        }
    }

    /** {@code ineligible}: the registry's refusal of a self-service filing, recorded as 开通失败 rather than refused */
    private record Checked(InsuranceRecord person, PoolingArea area, String treatmentProvince, Channel channel, Eligibility ineligible) {
    }

    /** Every rule that needs a lookup; refusals change nothing. */
    private Checked check(AppUser actor, FilingApplication a, UUID resubmitted, boolean materialsOnFile) {
        FilingRules.check(a, materialsOnFile);
        dates.checkStart(a.startDate());
        dates.checkEnd(a.endDate());
        String person = a.personIdNumber(); // canonical and checked (FilingApplication, FilingRules)
        PoolingArea area = areas.find(a.insuredAreaCode()).orElseThrow(() ->
                new BusinessRuleException("未知的参保地：" + a.insuredAreaCode(), "Unknown insured area: " + a.insuredAreaCode()));
        Channel channel;
        InsuranceRecord own = null;
        switch (actor.realm()) {
            case INSURED -> {
                own = accounts.boundRecord(actor).orElseThrow(() ->
                        new BusinessRuleException("请先完成实名认证：账号绑定参保人本人后才能办理备案",
                                "Verify your identity first (实名认证): filing needs an account bound to you"));
                // the binding was just read: for others only the family link is asked
                if (!own.idNumber().equals(person) && !accounts.isActiveMember(own.idNumber(), person)) {
                    throw new BusinessRuleException("只能为本人或已确认关联的家庭成员备案", "You may file only for yourself or confirmed family members");
                }
                channel = area.filingMode() == PoolingArea.FilingMode.QUICK
                        ? Channel.NATIONAL_APP_QUICK : Channel.NATIONAL_APP_SELF_SERVICE;
            }
            case CLERKS -> {
                if (!actor.hasRole(Roles.COUNTER)) {
                    throw new BusinessRuleException("窗口备案须由窗口经办人员办理", "Counter filing needs the counter role");
                }
                if (!area.code().equals(actor.unitCode())) {
                    throw new BusinessRuleException("窗口只能为本统筹区参保人员办理备案", "The counter files only for persons insured in its own area");
                }
                channel = Channel.LOCAL;
            }
            default -> throw new BusinessRuleException("无权办理备案", "Not allowed to file");
        }
        if (!area.crossProvinceOpen()) {
            throw new BusinessRuleException("参保地尚未开通跨省异地就医直接结算", "The insured area has not opened cross-province settlement");
        }
        Divisions.Division treatment = divisions.find(a.treatmentAreaCode()).orElseThrow(() ->
                new BusinessRuleException("未知的就医地：" + a.treatmentAreaCode(), "Unknown treatment area: " + a.treatmentAreaCode()));
        RegionCode destination = RegionCode.of(a.treatmentAreaCode());
        String province = destination.province().code();
        Divisions.Division treatmentProvince = divisions.find(province).orElseThrow();
        boolean provinceLevel = treatment.level() == 1;
        if (provinceLevel && !treatmentProvince.provinceLevelOnly()) {
            throw new BusinessRuleException("请选择就医地所在的城市", "Please choose the city of the treatment area");
        }
        if (treatment.level() == 3) {
            throw new BusinessRuleException("就医地备案到地市（或省级统筹区）即可，请选择城市", "Choose the city (or province-level area), not a county");
        }
        if (destination.sameProvince(RegionCode.of(area.code()))) {
            throw new BusinessRuleException("就医地与参保地在同一省份，不属于跨省异地就医", "Treatment area is in the insured province: not cross-province");
        }
        checkInstitution(a.treatmentAreaCode(), a.institutionCode());
        // the person's record, read once (the insured's own came with the binding)
        Optional<InsuranceRecord> found = own != null && own.idNumber().equals(person) ? Optional.of(own) : registry.find(person);
        Eligibility eligibility = found.map(r -> registry.checkFilingEligibility(r, area.code(), a.insuranceType()))
                .orElseGet(Eligibility::notFound);
        // 004's 自助开通 tab lists 开通失败: a person of the area whose status or insurance type the registry refuses
        // gets a failed filing to see, with the reason; anything else is refused and nothing is filed
        boolean recordFailure = !eligibility.allowed() && channel == Channel.NATIONAL_APP_SELF_SERVICE
                && found.map(r -> r.poolingAreaCode().equals(area.code())).orElse(false);
        if (!eligibility.allowed() && !recordFailure) {
            throw new BusinessRuleException(eligibility.messageZh(), eligibility.messageEn());
        }
        store.overlapping(person, a.startDate(), a.endDate(), resubmitted).ifPresent(f -> {
            throw overlap(f.applicationSerial());
        });
        InsuranceRecord record = found.orElseThrow();
        eligibilityRules.check(area.code(), a, record);
        return new Checked(record, area, province, channel, eligibility.allowed() ? null : eligibility);
    }

    /**
     * The period checks of {@link #check} on their own, for a wizard's step before submission: the date window
     * and no overlap with the person's filings under review or opened ({@code replacing}: the returned filing
     * being corrected). Only for a person the actor may file for; others are checked at submission.
     */
    public void checkPeriod(AppUser actor, String personIdNumber, java.time.LocalDate start, java.time.LocalDate end,
                            UUID replacing) {
        dates.checkStart(start);
        dates.checkEnd(end);
        String person = cn.gov.ybj.crossprov.shared.IdNumber.canonical(personIdNumber);
        if (start == null || end == null || end.isBefore(start) || person == null || !mayFileFor(actor, person)) {
            return;
        }
        store.overlapping(person, start, end, replacing).ifPresent(f -> {
            throw overlap(f.applicationSerial());
        });
    }

    /** The person is the insured user or a linked family member, or insured in the counter clerk's area. */
    private boolean mayFileFor(AppUser actor, String person) {
        return switch (actor.realm()) {
            case INSURED -> accounts.mayActFor(actor, person);
            case CLERKS -> actor.hasRole(Roles.COUNTER) && actor.unitCode() != null
                    && registry.find(person).map(r -> r.poolingAreaCode().equals(actor.unitCode())).orElse(false);
            default -> false;
        };
    }

    /**
     * A named institution must be a cross-province designated institution in the treatment area
     * (its city, or its province for province-level destinations). Also used by 信息变更.
     */
    public void checkInstitution(String treatmentAreaCode, String institutionCode) {
        if (institutionCode == null || institutionCode.isBlank()) {
            return;
        }
        Institution inst = institutions.find(institutionCode.strip()).orElseThrow(() ->
                new BusinessRuleException("未找到该跨省联网定点医疗机构", "No such cross-province designated institution"));
        if (!inst.divisionCode().startsWith(FilingRules.destinationPrefix(treatmentAreaCode))) {
            throw new BusinessRuleException("定点医疗机构不在就医地", "The institution is not in the treatment area");
        }
    }

    /**
     * The case's variables. The review-mode inputs and the eligibility are transient: the decision reads them in the
     * same transaction, and its history keeps them; stored, each would cost three rows.
     */
    private static VariableMap variables(UUID id, FilingApplication a, PoolingArea area, boolean materialsGiven, Channel channel,
                                         Eligibility ineligible) {
        return Variables.createVariables()
                .putValue("filingId", id.toString())
                .putValueTyped("channel", Variables.stringValue(channel.name(), true))
                .putValueTyped("areaFilingMode", Variables.stringValue(area.filingMode().name(), true))
                .putValueTyped("filingType", Variables.stringValue(a.filingType().name(), true))
                .putValueTyped("materialsGiven", Variables.booleanValue(materialsGiven, true))
                .putValueTyped("commitmentGiven", Variables.booleanValue(a.commitmentInsteadOfMaterials(), true))
                // check(..) has just asked the registry in this transaction
                .putValueTyped("eligible", Variables.booleanValue(ineligible == null, true))
                .putValueTyped("ineligibleReason", Variables.stringValue(ineligible == null ? null : ineligible.messageZh(), true))
                .putValueTyped("ineligibleReasonEn", Variables.stringValue(ineligible == null ? null : ineligible.messageEn(), true));
    }

    /** {@link #translate} for a constraint broken anywhere below, also inside a step of the engine. */
    private static RuntimeException translateCause(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException d) {
                RuntimeException translated = translate(d);
                return translated == d ? e : translated;
            }
        }
        return e;
    }

    public static RuntimeException translate(DataIntegrityViolationException e) {
        String m = String.valueOf(e.getMostSpecificCause().getMessage());
        if (m.contains("filing_no_overlap")) {
            return overlap(null);
        }
        if (m.contains("filing_period_ordered")) {
            return new BusinessRuleException("结束日期不能早于开始日期", "The end date must not be before the start date");
        }
        return e;
    }

    public static BusinessRuleException overlap(String serial) {
        String which = serial == null ? "" : "（" + serial + "）";
        return new BusinessRuleException("备案期间与已有的有效备案" + which + "重叠，不能重复备案",
                "The period overlaps an active filing" + (serial == null ? "" : " (" + serial + ")"));
    }

    public static BusinessRuleException notFound() {
        return new BusinessRuleException("备案不存在", "No such filing");
    }

    private static String resource(String path) {
        try (InputStream in = FilingCases.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
