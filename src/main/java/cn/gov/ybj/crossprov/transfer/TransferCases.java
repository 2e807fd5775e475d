package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.ContributionPeriod;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.InsuranceRegistry;
import cn.gov.ybj.crossprov.insured.InsuranceStatus;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.InsuredAccounts;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.insured.RegistryTransfers;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 医疗保险关系转移接续, the module's API: what the person sees before applying (with the
 * refusals), the two applications, the clerks' decisions on the steps of
 * {@code bpmn/medical-insurance-transfer.bpmn}, and who may see a case: the person (and the
 * family members' accounts linked to them), the clerks of the two areas and process admins.
 */
@Service
public class TransferCases {

    public static final String PROCESS = "medical-insurance-transfer";
    /** 前台经办落地审核 in the in-area (transfer-in applications only) */
    public static final String ACCEPT_TASK = "Task_AcceptTransferIn";
    /** 转出地审核 */
    public static final String OUT_REVIEW_TASK = "Task_ReviewTransferOut";
    /** 转出地办理转出 */
    public static final String TRANSFER_OUT_TASK = "Task_TransferOut";
    /** 转入地办理接续 */
    public static final String TRANSFER_IN_TASK = "Task_TransferIn";
    public static final List<String> TASKS = List.of(ACCEPT_TASK, OUT_REVIEW_TASK, TRANSFER_OUT_TASK, TRANSFER_IN_TASK);

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final EnumSet<TransferStatus> ENDED = EnumSet.of(TransferStatus.COMPLETED, TransferStatus.REFUSED);

    private final TransferCaseRepository cases;
    private final InsuranceRegistry registry;
    private final RegistryTransfers registryTransfers;
    private final InsuredAccounts accounts;
    private final PoolingAreas areas;
    private final Reviews reviews;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;

    TransferCases(TransferCaseRepository cases, InsuranceRegistry registry, RegistryTransfers registryTransfers,
                  InsuredAccounts accounts, PoolingAreas areas, Reviews reviews, RuntimeService runtime, JdbcClient jdbc) {
        this.cases = cases;
        this.registry = registry;
        this.registryTransfers = registryTransfers;
        this.accounts = accounts;
        this.areas = areas;
        this.reviews = reviews;
        this.runtime = runtime;
        this.jdbc = jdbc;
    }

    /** An agency as the application screen shows it (转出地 / 转入地经办机构信息). */
    public record Agency(String areaCode, String areaName, String agencyName, String agencyPhone, String agencyAddress,
                         String bankAccountName, String bankName, String bankAccountNo) {
        static Agency of(PoolingArea a) {
            return new Agency(a.code(), a.name(), a.agencyName(), a.agencyPhone(), a.agencyAddress(), a.bankAccountName(),
                    a.bankName(), a.bankAccountNo());
        }
    }

    /** A contribution period (起止年月, 累计月数) as the screens and the 信息表 show it. */
    public record Period(String areaCode, InsuranceType insuranceType, YearMonth from, YearMonth to, long months) {
    }

    /**
     * What the application screen shows after 查询: the person, both agencies, the out-area's
     * 险种信息 (periods, months, status, person type) and the in-area's (险种, 正常参保 after the transfer).
     */
    public record Preview(Direction direction, String personName, String maskedIdNumber,
                          InsuranceType insuranceType, PersonType personType, InsuranceStatus outStatus, Agency out,
                          Agency in, List<Period> outPeriods, int outMonths, Money balance) {
    }

    /** A step the clerk works on, with its case. */
    public record TransferTask(String taskId, String taskKey, TransferCase transfer) {
    }

    /**
     * A clerk's decision on a step.
     *
     * @param identityChecked  前台落地审核: the person's identity document was seen
     * @param documentsChecked 前台落地审核: the application's documents were seen
     * @param balanceReceived  转入: the personal-account amount that arrived; must equal the amount sent
     */
    public record Decision(Reviews.Outcome outcome, String reason, boolean identityChecked, boolean documentsChecked,
                           Money balanceReceived) {
        public static Decision approve() {
            return new Decision(Reviews.Outcome.APPROVE, null, false, false, null);
        }

        public static Decision refuse(String reason) {
            return new Decision(Reviews.Outcome.REFUSE, reason, false, false, null);
        }
    }

    /** 转出申请 查询: the person bound to the account moves from their insured area to {@code inAreaCode}. */
    public Preview previewOut(AppUser user, String inAreaCode) {
        InsuranceRecord person = person(user);
        if (person.insuranceType() != InsuranceType.EMPLOYEE) {
            throw new BusinessRuleException("本功能仅受理职工基本医疗保险关系转出；您参加的是" + person.insuranceType().label()
                    + "基本医疗保险，请到参保地经办机构咨询", "This service is for employee insurance only; you have "
                    + person.insuranceType().labelEn());
        }
        return preview(Direction.OUT, person, person.poolingAreaCode(), inAreaCode);
    }

    /**
     * 异地转入申请 查询: the person's insurance of {@code type} moves from {@code outAreaCode} (where the
     * registry holds it) to {@code inAreaCode}.
     */
    public Preview previewIn(AppUser user, InsuranceType type, String outAreaCode, String inAreaCode) {
        InsuranceRecord person = person(user);
        if (type == null) {
            throw new BusinessRuleException("请选择险种", "Please choose the insurance type");
        }
        if (type != person.insuranceType()) {
            throw new BusinessRuleException("险种不符：您参加的是" + person.insuranceType().label() + "基本医疗保险，不能按"
                    + type.label() + "办理转入", "Insurance type mismatch: you have " + person.insuranceType().labelEn());
        }
        if (outAreaCode == null || outAreaCode.isBlank()) {
            throw new BusinessRuleException("请选择转出地", "Please choose the area the insurance comes from");
        }
        if (!outAreaCode.equals(person.poolingAreaCode())) {
            throw new BusinessRuleException("您在所选转出地没有参保关系，您的参保地为" + areaName(person.poolingAreaCode()),
                    "You are not insured in the chosen area; your insured area is " + person.poolingAreaCode());
        }
        return preview(Direction.IN, person, outAreaCode, inAreaCode);
    }

    /** 提交 转出申请: the case starts with the out-area's review. */
    @Transactional
    public TransferCase applyOut(AppUser user, String inAreaCode, String phone) {
        return start(previewOut(user, inAreaCode), user, phone);
    }

    /** 提交 异地转入申请: the case starts with the in-area counter's check (前台经办落地审核). */
    @Transactional
    public TransferCase applyIn(AppUser user, InsuranceType type, String outAreaCode, String inAreaCode, String phone) {
        return start(previewIn(user, type, outAreaCode, inAreaCode), user, phone);
    }

    /** The case if the user may see it; empty for everybody else, as for an unknown id. */
    public Optional<TransferCase> find(AppUser user, UUID id) {
        return id == null ? Optional.empty() : cases.findById(id).filter(c -> maySee(user, c));
    }

    /**
     * 办理进度查询: the person's cases (and linked family members'), newest first; for a clerk the
     * cases leaving ({@link Direction#OUT}) or entering ({@link Direction#IN}) their area.
     *
     * @param direction null for both
     */
    public List<TransferCase> list(AppUser user, Direction direction, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        if (user.realm() == Realm.INSURED) {
            List<String> persons = accounts.personsOf(user);
            return persons.isEmpty() ? List.of() : cases.findByPersonIdNumberInOrderBySubmittedAtDesc(persons).stream()
                    .filter(c -> direction == null || c.getDirection() == direction).limit(size).toList();
        }
        if (user.realm() == Realm.CLERKS && user.unitCode() != null) {
            PageRequest page = PageRequest.of(0, size);
            if (direction == Direction.OUT) {
                return cases.findByOutAreaCodeOrderBySubmittedAtDesc(user.unitCode(), page);
            }
            if (direction == Direction.IN) {
                return cases.findByInAreaCodeOrderBySubmittedAtDesc(user.unitCode(), page);
            }
            return cases.findForArea(user.unitCode(), page);
        }
        return List.of();
    }

    /** The step behind a clerk's task, if the task is a transfer step of the clerk's area. */
    public Optional<TransferTask> forTask(AppUser clerk, String taskId) {
        return reviews.find(clerk, taskId, TASKS).flatMap(t -> cases.findByProcessInstanceId(t.processInstanceId())
                .map(c -> new TransferTask(t.taskId(), t.taskDefinitionKey(), c)));
    }

    /**
     * A clerk decides a step. Approving the transfer-out or the transfer-in changes the registry in
     * the same transaction; refusing ends the case with the reason and changes nothing in it.
     */
    @Transactional
    public TransferCase decide(AppUser clerk, String taskId, Decision decision) {
        TransferTask task = forTask(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        Objects.requireNonNull(decision.outcome(), "outcome");
        if (decision.outcome() == Reviews.Outcome.RETURN) {
            throw new BusinessRuleException("转移接续不退回补正：请通过或不予通过（须填原因）",
                    "A transfer is approved or refused (with the reason), not returned");
        }
        TransferCase c = task.transfer();
        if (decision.outcome() == Reviews.Outcome.APPROVE) {
            switch (task.taskKey()) {
                case ACCEPT_TASK -> checkAcceptance(clerk, decision);
                case TRANSFER_IN_TASK -> checkBalance(c, decision.balanceReceived());
                default -> {
                }
            }
        }
        reviews.decide(clerk, taskId, decision.outcome(), decision.reason());
        return cases.findById(c.getId()).orElseThrow();
    }

    /**
     * The amount a clerk entered as received, in yuan.
     *
     * @throws BusinessRuleException for a negative amount or more than two decimals (nothing is rounded)
     */
    public static Money receivedAmount(java.math.BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("到账金额须为不小于 0、最多两位小数的金额（元）",
                    "The amount received must be at least 0 with at most two decimals (yuan)");
        }
        return Money.yuan(yuan);
    }

    private static void checkAcceptance(AppUser clerk, Decision decision) {
        if (!clerk.hasRole(Roles.COUNTER)) {
            throw new BusinessRuleException("异地转入须由转入地前台经办人员落地审核", "The on-site check is done by a counter clerk");
        }
        if (!decision.identityChecked() || !decision.documentsChecked()) {
            throw new BusinessRuleException("请核验申请人本人有效身份证件和申请材料后再受理",
                    "Check the applicant's identity document and the application documents first");
        }
    }

    private void checkBalance(TransferCase c, Money received) {
        Money sent = c.getBalance() == null ? Money.ZERO : c.getBalance();
        if (sent.isZero() && (received == null || received.isZero())) {
            return;
        }
        if (received == null || received.compareTo(sent) != 0) {
            throw new BusinessRuleException("个人账户到账金额（" + (received == null ? "未填写" : "¥" + received) + "）与转出地划转金额（¥"
                    + sent + "）不符，到账核对无误后再办理接续", "The amount received (" + (received == null ? "none" : received)
                    + ") does not match the amount sent (" + sent + ")");
        }
        c.balanceReceived(received);
    }

    private TransferCase start(Preview p, AppUser user, String phone) {
        return start(p, person(user), user.account(), phone);
    }

    /** Starts the case of an application whose preview passed; {@code applicant} is the account that applied. */
    @Transactional
    TransferCase start(Preview p, InsuranceRecord person, String applicant, String phone) {
        String mobile = phone == null ? "" : phone.strip();
        if (!MOBILE.matcher(mobile).matches()) {
            throw new BusinessRuleException("请填写正确的11位手机号码", "Please enter a valid 11-digit mobile number");
        }
        long serial = jdbc.sql("SELECT nextval('app.transfer_serial')").query(Long.class).single();
        TransferCase c = new TransferCase(serial, p.direction(), person.idNumber(), person.name(), mobile,
                p.insuranceType(), p.personType(), p.out().areaCode(), p.in().areaCode(), applicant, Instant.now());
        try {
            cases.saveAndFlush(c);
        } catch (DataIntegrityViolationException e) {
            throw running(); // a second submission at the same time: the partial unique index decided
        }
        c.started(runtime.startProcessInstanceByKey(PROCESS, String.valueOf(serial),
                Map.of("transferId", c.getId().toString(), "direction", c.getDirection().name())).getId());
        return c;
    }

    Preview preview(Direction direction, InsuranceRecord person, String outAreaCode, String inAreaCode) {
        if (inAreaCode == null || inAreaCode.isBlank()) {
            throw new BusinessRuleException("请选择转入地", "Please choose the area the insurance moves to");
        }
        if (!RegionCode.isValid(inAreaCode.strip())) {
            throw new BusinessRuleException("转入地须为6位行政区划代码", "The in-area must be a 6-digit division code");
        }
        PoolingArea in = areas.find(inAreaCode.strip()).orElseThrow(() -> new BusinessRuleException(
                "所选转入地不是统筹区，请选择转入地所在的统筹区", "The chosen area is not a pooling area"));
        PoolingArea out = areas.find(outAreaCode).orElseThrow(() -> new IllegalStateException("no pooling area " + outAreaCode));
        if (in.code().equals(out.code())) {
            throw new BusinessRuleException("转入地与转出地相同（" + in.name() + "），无需办理关系转移接续",
                    "The chosen area is the area you are insured in; nothing to transfer");
        }
        if (cases.existsByPersonIdNumberAndStatusNotIn(person.idNumber(), ENDED)) {
            throw running();
        }
        Money arrears = registryTransfers.arrears(person.idNumber());
        if (!arrears.isZero()) {
            throw new BusinessRuleException("您在转出地有欠费 ¥" + arrears + "，请补缴后再申请关系转移接续",
                    "You owe contributions of " + arrears + " in the out-area; please pay them first");
        }
        List<Period> periods = registry.periods(person.idNumber()).stream()
                .filter(pr -> pr.poolingAreaCode().equals(out.code()))
                .map(TransferCases::period).toList();
        int months = registryTransfers.accumulatedMonths(person.idNumber(), person.insuranceType(), YearMonth.now(ChinaTime.ZONE));
        return new Preview(direction, person.name(), IdNumber.mask(person.idNumber()), person.insuranceType(),
                person.personType(), person.status(), Agency.of(out), Agency.of(in), periods, months,
                registryTransfers.accountBalance(person.idNumber()));
    }

    static Period period(ContributionPeriod p) {
        return new Period(p.poolingAreaCode(), p.insuranceType(), YearMonth.from(p.startMonth()),
                p.endMonth() == null ? null : YearMonth.from(p.endMonth()), p.months());
    }

    private InsuranceRecord person(AppUser user) {
        return accounts.boundRecord(user).orElseThrow(() -> new BusinessRuleException(
                "请先完成实名认证（绑定本人参保信息）后再办理", "Please bind your account to your insurance record first"));
    }

    private static BusinessRuleException running() {
        return new BusinessRuleException("您有一笔正在办理的医疗保险关系转移接续，办结前不能再次申请",
                "A transfer of your insurance is already in progress");
    }

    private String areaName(String code) {
        return areas.find(code).map(a -> a.name() + "（" + code + "）").orElse(code);
    }

    boolean maySee(AppUser user, TransferCase c) {
        if (user == null) {
            return false;
        }
        return switch (user.realm()) {
            case INSURED -> accounts.mayActFor(user, c.getPersonIdNumber());
            case CLERKS -> user.hasRole(Roles.PROCESS_ADMIN)
                    || c.getOutAreaCode().equals(user.unitCode()) || c.getInAreaCode().equals(user.unitCode());
            default -> false;
        };
    }
}
