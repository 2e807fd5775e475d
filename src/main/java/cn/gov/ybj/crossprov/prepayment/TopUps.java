package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.UnsafeText;
import cn.gov.ybj.crossprov.workflow.EngineWork;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 预付金紧急调增 (003 第二十一–二十三条), the case {@code bpmn/prepayment-top-up.bpmn}: opened by a red
 * warning for the receiving province, whose prepayment officers apply (amount, reason); the centre
 * approves (the amount, or adjusted) or refuses; the 紧急调增通知书 (附件5) goes to the paying province,
 * whose finance officers hand it over, record the transfer and the written feedback; the receiving
 * province reports the arrival and the pair's prepayment grows by the amount. Each step has its
 * working-day term and is escalated to the centre when late. A task is found only in the officer's
 * own province and role: anything else is the same empty answer as a task that does not exist.
 */
@Service
public class TopUps {

    private static final Logger log = LoggerFactory.getLogger(TopUps.class);

    public static final String PROCESS = "prepayment-top-up";
    static final int ESCALATED_PRIORITY = 100;
    static final Set<TopUp.Status> OPEN = Set.of(TopUp.Status.TO_APPLY, TopUp.Status.APPLIED, TopUp.Status.APPROVED);
    /** at most 100 亿元: a typing error, not a prepayment amount */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000.00");

    /** An open top-up task of the officer's unit. */
    public record TopUpTask(String taskId, TopUpStep step, String topUpId, int year, String payingProvince, String payingName,
                            String receivingProvince, String receivingName, Money requested, Money approved, String reason,
                            Instant created, Instant due, boolean escalated) {
    }

    /** A top-up as an officer of either province or the centre sees it. */
    public record TopUpState(String id, int year, String payingProvince, String payingName, String receivingProvince,
                             String receivingName, TopUp.Status status, YearMonth warningMonth, Money requested, String reason,
                             String appliedBy, Instant appliedAt, Money approved, String decisionNote, String decidedBy,
                             Instant decidedAt, String arrivedBy, Instant arrivedAt, List<StepRecord> steps) {
    }

    private final TopUpRepository topUps;
    private final PrepaymentPairRepository pairs;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final WorkingDays workingDays;
    private final Map<TopUpStep, Integer> terms = new EnumMap<>(TopUpStep.class);
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final cn.gov.ybj.crossprov.reference.Divisions divisions;

    TopUps(TopUpRepository topUps, PrepaymentPairRepository pairs, TaskService tasks, RuntimeService runtime,
           WorkingDays workingDays, Environment env, PlatformTransactionManager transactions,
           cn.gov.ybj.crossprov.reference.Divisions divisions) {
        this.topUps = topUps;
        this.pairs = pairs;
        this.tasks = tasks;
        this.runtime = runtime;
        this.workingDays = workingDays;
        this.divisions = divisions;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        for (TopUpStep s : TopUpStep.values()) {
            String key = "app.prepayment.top-up." + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-days";
            int n = env.getProperty(key, Integer.class, s.defaultDays());
            if (n < 1 || n > 60) {
                throw new IllegalStateException(key + " must be 1–60 working days: " + n);
            }
            terms.put(s, n);
        }
    }

    /** 第二十条: a red warning opens the receiving province's application, unless a top-up of the pair is open. */
    void openForRedWarning(PrepaymentPair pair, YearMonth month) {
        if (topUps.existsByPairIdAndStatusIn(pair.getId(), OPEN)) {
            return;
        }
        TopUp t = topUps.save(new TopUp(pair.getId(), month, Prepayments.now()));
        long n = topUps.countByPairId(pair.getId());
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS,
                pair.getYear() + "/" + pair.getPayingProvince() + "/" + pair.getReceivingProvince() + "/" + n,
                Map.of("topUpId", t.getId().toString(), "year", pair.getYear(), "payingProvince", pair.getPayingProvince(),
                        "receivingProvince", pair.getReceivingProvince()));
        t.caseStarted(pi.getId());
        log.info("Prepayment {} {}→{}: red warning in {}, top-up {} opened", pair.getYear(), pair.getPayingProvince(),
                pair.getReceivingProvince(), month, t.getId());
    }

    /** The officer's open top-up tasks: escalated first, then by deadline. */
    public List<TopUpTask> open(AppUser officer) {
        List<String> groups = groups(officer);
        if (groups.isEmpty()) {
            return List.of();
        }
        return readTx.execute(status -> {
        List<TopUpTask> list = new ArrayList<>();
        for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroupIn(groups)
                .orderByTaskPriority().desc().orderByDueDate().asc().list()) {
            TopUpStep step = TopUpStep.ofTask(t.getTaskDefinitionKey());
            TopUp u = topUps.findById(java.util.UUID.fromString((String) tasks.getVariable(t.getId(), "topUpId"))).orElseThrow();
            PrepaymentPair p = pairs.findById(u.getPairId()).orElseThrow();
            list.add(new TopUpTask(t.getId(), step, u.getId().toString(), p.getYear(), p.getPayingProvince(), name(p.getPayingProvince()),
                    p.getReceivingProvince(), name(p.getReceivingProvince()), u.getRequested(), u.getApproved(), u.getReason(),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getPriority() >= ESCALATED_PRIORITY));
        }
        return list;
        });
    }

    /** 第二十一条: the receiving province applies for {@code amount} (yuan, > 0) with a reason. */
    public Optional<TopUpState> apply(AppUser officer, String taskId, BigDecimal amount, String reason) {
        Money m = amount(amount);
        String why = text(reason, true, "调增理由", "the reason");
        return EngineWork.retryingOnConflict(tx, status -> task(officer, taskId, TopUpStep.APPLY).map(t -> {
            TopUp u = lock(t);
            u.applied(m, why, officer.account(), Prepayments.now());
            u.stepDone(TopUpStep.APPLY, officer.account(), null, Prepayments.now());
            tasks.complete(t.getId());
            return state(u);
        }));
    }

    /**
     * 第二十一条: the centre approves the amount applied for, or an adjusted one ({@code amount} null: as
     * applied), or refuses ({@code approve} false, a note required).
     */
    public Optional<TopUpState> review(AppUser centre, String taskId, boolean approve, BigDecimal amount, String note) {
        Money adjusted = approve && amount != null ? amount(amount) : null;
        String text = text(note, !approve, "审核意见", "the note");
        return EngineWork.retryingOnConflict(tx, status -> task(centre, taskId, TopUpStep.REVIEW).map(t -> {
            TopUp u = lock(t);
            u.decided(approve ? (adjusted != null ? adjusted : u.getRequested()) : null, text, centre.account(), Prepayments.now());
            u.stepDone(TopUpStep.REVIEW, centre.account(), text, Prepayments.now());
            tasks.complete(t.getId(), Map.of("approved", approve));
            return state(u);
        }));
    }

    /** A finance step of the paying province, or the receiving province's report of the arrival, done. */
    public Optional<TopUpState> complete(AppUser officer, String taskId, String note) {
        String text = note(note);
        return EngineWork.retryingOnConflict(tx, status -> {
            for (TopUpStep s : List.of(TopUpStep.HAND_OVER, TopUpStep.TRANSFER, TopUpStep.FEEDBACK, TopUpStep.REPORT)) {
                Optional<Task> t = task(officer, taskId, s);
                if (t.isPresent()) {
                    TopUp u = lock(t.get());
                    u.stepDone(s, officer.account(), text, Prepayments.now());
                    tasks.complete(taskId);
                    return Optional.of(state(u));
                }
            }
            return Optional.<TopUpState>empty();
        });
    }

    /** The top-ups of the year the officer may see: the centre all, a province those of its pairs. */
    public List<TopUpState> list(AppUser officer, int year) {
        String own = Prepayments.requireOfficer(officer);
        List<PrepaymentPair> visible = pairs.findByYearOrderByPayingProvinceAscReceivingProvinceAsc(year).stream()
                .filter(p -> own == null || own.equals(p.getPayingProvince()) || own.equals(p.getReceivingProvince())).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        return readTx.execute(status -> topUps.findByPairIdInOrderByOpenedAtDesc(visible.stream().map(PrepaymentPair::getId).toList())
                .stream().map(this::state).toList());
    }

    /** One top-up for an officer of either province or the centre; empty for anyone else. */
    public Optional<TopUpState> find(AppUser officer, String id) {
        String own = Prepayments.requireOfficer(officer);
        java.util.UUID uuid;
        try {
            uuid = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return readTx.execute(status -> topUps.findById(uuid).filter(u -> {
            PrepaymentPair p = pairs.findById(u.getPairId()).orElseThrow();
            return own == null || own.equals(p.getPayingProvince()) || own.equals(p.getReceivingProvince());
        }).map(this::state));
    }

    /** Approved top-ups past the deadline of their hand-over or transfer (第二十四条), between a payer and a receiver (null: any). */
    List<Suspensions.Overdue> overdue(String payer, String receiver) {
        Instant now = Prepayments.now();
        return readTx.execute(status -> topUps.findByStatus(TopUp.Status.APPROVED).stream().flatMap(u -> {
            PrepaymentPair p = pairs.findById(u.getPairId()).orElseThrow();
            if ((payer != null && !payer.equals(p.getPayingProvince())) || (receiver != null && !receiver.equals(p.getReceivingProvince()))) {
                return java.util.stream.Stream.empty();
            }
            return java.util.stream.Stream.of(TopUpStep.HAND_OVER, TopUpStep.TRANSFER).map(u::step).flatMap(Optional::stream)
                    .filter(s -> s.isOverdue(now)).limit(1)
                    .map(s -> new Suspensions.Overdue(Suspension.Cause.TOP_UP, p.getYear() + " 紧急调增", p.getPayingProvince(),
                            name(p.getPayingProvince()), p.getReceivingProvince(), name(p.getReceivingProvince()), u.getApproved(), s.getDue()));
        }).toList());
    }

    // --- the case's steps (TopUpSteps)

    Instant openStep(String topUpId, TopUpStep step) {
        return tx.execute(status -> {
            TopUp u = topUps.lock(java.util.UUID.fromString(topUpId)).orElseThrow();
            Instant now = Prepayments.now();
            u.stepOpened(step, now, workingDays.deadline(now, terms.get(step)).toInstant());
            return u.step(step).orElseThrow().getDue();
        });
    }

    void escalated(String topUpId, TopUpStep step) {
        tx.executeWithoutResult(status -> topUps.lock(java.util.UUID.fromString(topUpId)).orElseThrow()
                .stepEscalated(step, Prepayments.now()));
        log.warn("Prepayment top-up {}: {} is overdue, escalated to the national centre", topUpId, step);
    }

    /** 第二十三条: arrived — the pair's prepayment grows by the approved amount. */
    void arrived(String topUpId) {
        tx.executeWithoutResult(status -> {
            TopUp u = topUps.lock(java.util.UUID.fromString(topUpId)).orElseThrow();
            String by = u.step(TopUpStep.REPORT).map(StepRecord::getDoneBy).orElse(null);
            u.arrived(by, Prepayments.now());
            pairs.lock(u.getPairId()).orElseThrow().toppedUp(u.getApproved());
            log.info("Prepayment top-up {} arrived: {} yuan", topUpId, u.getApproved());
        });
    }

    TopUpState state(TopUp u) {
        PrepaymentPair p = pairs.findById(u.getPairId()).orElseThrow();
        return new TopUpState(u.getId().toString(), p.getYear(), p.getPayingProvince(), name(p.getPayingProvince()),
                p.getReceivingProvince(), name(p.getReceivingProvince()), u.getStatus(), u.getWarningMonth(), u.getRequested(),
                u.getReason(), u.getAppliedBy(), u.getAppliedAt(), u.getApproved(), u.getDecisionNote(), u.getDecidedBy(),
                u.getDecidedAt(), u.getArrivedBy(), u.getArrivedAt(), List.copyOf(u.getSteps()));
    }

    private TopUp lock(Task t) {
        return topUps.lock(java.util.UUID.fromString((String) tasks.getVariable(t.getId(), "topUpId"))).orElseThrow();
    }

    /** The task of the step, in the officer's own group for it (the receiving or paying province, or the centre). */
    private Optional<Task> task(AppUser officer, String taskId, TopUpStep step) {
        if (officer == null || officer.unitCode() == null || !officer.hasRole(Roles.OFFICER) || !officer.hasRole(step.role())
                || taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Optional.empty();
        }
        if ((step.side() == TopUpStep.Side.CENTRE) != officer.isNationalCentre()) {
            return Optional.empty();
        }
        Task t = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(PROCESS).taskDefinitionKey(step.taskDefinitionKey())
                .taskCandidateGroup(group(step.role(), officer.unitCode())).singleResult();
        if (t == null || step.side() == TopUpStep.Side.CENTRE) {
            return Optional.ofNullable(t);
        }
        String province = (String) tasks.getVariable(t.getId(), step.side() == TopUpStep.Side.PAYING ? "payingProvince" : "receivingProvince");
        return officer.unitCode().equals(province) ? Optional.of(t) : Optional.empty();
    }

    /** candidate group of a unit's officers of a role: {@code prepayment-110000}, {@code finance-350000} */
    static String group(String role, String unitCode) {
        return role.toLowerCase(java.util.Locale.ROOT) + "-" + unitCode;
    }

    private static List<String> groups(AppUser officer) {
        List<String> groups = new ArrayList<>();
        if (officer != null && officer.unitCode() != null && officer.hasRole(Roles.OFFICER)) {
            for (String role : List.of(Roles.PREPAYMENT, Roles.FINANCE)) {
                if (officer.hasRole(role)) {
                    groups.add(group(role, officer.unitCode()));
                }
            }
        }
        return groups;
    }

    private static Money amount(BigDecimal amount) {
        if (!validAmount(amount)) {
            throw new BusinessRuleException("调增金额应为大于 0 的金额（元，最多两位小数，不超过 100 亿元）",
                    "The amount must be more than 0 yuan, with at most two decimals, at most 10 billion");
        }
        return new Money(amount);
    }

    /** A prepayment amount in yuan: more than 0, at most two decimals, at most 100 亿 (more is a typing error). */
    static boolean validAmount(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.scale() <= 2 && amount.compareTo(MAX_AMOUNT) <= 0;
    }

    /** A step's optional note (a voucher number): at most 200 characters, no unsafe ones; null when blank. */
    static String note(String note) {
        String text = text(note, false, "备注", "the note");
        if (text != null && text.length() > 200) {
            throw new BusinessRuleException("备注不超过 200 字", "The note is at most 200 characters");
        }
        return text;
    }

    private static String text(String value, boolean required, String zh, String en) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                throw new BusinessRuleException("请填写" + zh + "（不超过 500 字）", "Give " + en + " (at most 500 characters)");
            }
            return null;
        }
        if (t.length() > 500) {
            throw new BusinessRuleException(zh + "不超过 500 字", en + " is at most 500 characters");
        }
        int unsafe = UnsafeText.firstUnsafe(t, true);
        if (unsafe >= 0) {
            throw new BusinessRuleException(zh + "含有不允许的字符（" + UnsafeText.codePoint(t.charAt(unsafe)) + "）",
                    en + " contains a character that is not allowed (" + UnsafeText.codePoint(t.charAt(unsafe)) + ")");
        }
        return t;
    }

    private String name(String province) {
        return divisions.name(province).orElse(province);
    }
}
