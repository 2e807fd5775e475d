package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.workflow.EngineWork;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * 第十九条, the case {@code bpmn/prepayment-year-finance.bpmn}: once a year's quotas are set, each province
 * that owes or is owed a difference hands its notice to finance within 5 working days; the one that owes
 * (a paying province's increase, a receiving province's refund) transfers within 10; the one owed confirms
 * the arrival once everyone owing it has transferred. In a yearly run no deadline is later than the end of
 * February. Late steps are escalated to the centre and stay the province's. A task is found only in the
 * officer's own province and role.
 */
@Service
public class YearFinances {

    private static final Logger log = LoggerFactory.getLogger(YearFinances.class);

    public static final String PROCESS = "prepayment-year-finance";
    static final String INCOMING_TRANSFERRED = "PrepaymentIncomingTransferred";

    /** Money one province owes another for the year: a pair's difference, in the direction it goes. */
    public record Flow(String from, String fromName, String to, String toName, Money amount) {
    }

    /** A province's year as its officers, its counterparts' and the centre see it. */
    public record ProvinceYear(int year, String province, String name, boolean pays, boolean receives, List<Flow> flows,
                               List<StepRecord> steps) {
    }

    /** An open step of the officer's province. */
    public record YearFinanceTask(String taskId, YearFinanceStep step, int year, String province, String name,
                                  Instant created, Instant due, boolean escalated) {
    }

    private final YearFinanceRepository finances;
    private final PrepaymentPairRepository pairs;
    private final PrepaymentYearRepository years;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkingDays workingDays;
    private final Divisions divisions;
    private final Map<YearFinanceStep, Integer> terms = new EnumMap<>(YearFinanceStep.class);
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    YearFinances(YearFinanceRepository finances, PrepaymentPairRepository pairs, PrepaymentYearRepository years,
                 RuntimeService runtime, TaskService tasks, WorkingDays workingDays, Divisions divisions,
                 Environment env, PlatformTransactionManager transactions) {
        this.finances = finances;
        this.pairs = pairs;
        this.years = years;
        this.runtime = runtime;
        this.tasks = tasks;
        this.workingDays = workingDays;
        this.divisions = divisions;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        for (YearFinanceStep s : YearFinanceStep.values()) {
            String key = "app.prepayment.year." + s.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-days";
            int n = env.getProperty(key, Integer.class, s.defaultDays());
            if (n < 1 || n > 60) {
                throw new IllegalStateException(key + " must be 1–60 working days: " + n);
            }
            terms.put(s, n);
        }
    }

    /** The year's quotas are set (in the same transaction): a case for each province that owes or is owed. */
    void start(int year) {
        List<Flow> flows = flows(year);
        Set<String> provinces = new TreeSet<>();
        flows.forEach(f -> {
            provinces.add(f.from());
            provinces.add(f.to());
        });
        for (String p : provinces) {
            boolean pays = flows.stream().anyMatch(f -> f.from().equals(p));
            boolean receives = flows.stream().anyMatch(f -> f.to().equals(p));
            YearFinance f = finances.saveAndFlush(new YearFinance(year, p, pays, receives));
            f.caseStarted(runtime.startProcessInstanceByKey(PROCESS, year + "/" + p,
                    Map.of("year", year, "province", p, "pays", pays, "receives", receives)).getId());
        }
        log.info("Prepayment {}: {} provinces' finance cases started ({} transfers)", year, provinces.size(), flows.size());
    }

    /** The year's differences in the direction the money goes; pairs without a difference move nothing. */
    List<Flow> flows(int year) {
        List<Flow> flows = new ArrayList<>();
        for (PrepaymentPair p : pairs.findByYearOrderByPayingProvinceAscReceivingProvinceAsc(year)) {
            Money d = p.getAdjustment();
            if (d.yuan().signum() > 0) {
                flows.add(new Flow(p.getPayingProvince(), name(p.getPayingProvince()), p.getReceivingProvince(),
                        name(p.getReceivingProvince()), d));
            } else if (d.isNegative()) {
                flows.add(new Flow(p.getReceivingProvince(), name(p.getReceivingProvince()), p.getPayingProvince(),
                        name(p.getPayingProvince()), d.negate()));
            }
        }
        return flows;
    }

    /** The officer's open steps (the centre's: every escalated one): escalated first, then by deadline. */
    public List<YearFinanceTask> open(AppUser officer) {
        String group = group(officer);
        if (group == null) {
            return List.of();
        }
        return readTx.execute(status -> tasks.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroup(group)
                .orderByTaskPriority().desc().orderByDueDate().asc().list().stream().map(t -> {
                    String p = (String) tasks.getVariable(t.getId(), "province");
                    return new YearFinanceTask(t.getId(), YearFinanceStep.ofTask(t.getTaskDefinitionKey()),
                            (Integer) tasks.getVariable(t.getId(), "year"), p, name(p), t.getCreateTime().toInstant(),
                            t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getPriority() >= TopUps.ESCALATED_PRIORITY);
                }).toList());
    }

    /** The province's finance officer has done the step (a note: the voucher number, ≤ 200 characters). */
    public Optional<ProvinceYear> complete(AppUser officer, String taskId, String note) {
        String text = TopUps.note(note);
        String own = officer == null || officer.isNationalCentre() ? null : group(officer);
        if (own == null || taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Optional.empty();
        }
        return EngineWork.retryingOnConflict(tx, status -> {
            Task t = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(PROCESS).taskCandidateGroup(own).singleResult();
            if (t == null || !officer.unitCode().equals(tasks.getVariable(t.getId(), "province"))) {
                return Optional.<ProvinceYear>empty();
            }
            YearFinanceStep step = YearFinanceStep.ofTask(t.getTaskDefinitionKey());
            int year = (Integer) tasks.getVariable(t.getId(), "year");
            years.lock(year).orElseThrow();
            List<Flow> flows = flows(year);
            String province = officer.unitCode();
            if (step == YearFinanceStep.RECEIPT && !allTransferred(year, flows, province)) {
                throw new BusinessRuleException("尚有省份未划拨预付金，不能确认全部到账", "Some provinces have not transferred yet");
            }
            finances.lock(year, province).orElseThrow().stepDone(step, officer.account(), text, now());
            finances.flush();
            tasks.complete(t.getId());
            if (step == YearFinanceStep.TRANSFER) {
                flows.stream().filter(f -> f.from().equals(province)).map(Flow::to).distinct()
                        .filter(to -> allTransferred(year, flows, to))
                        .forEach(to -> runtime.createMessageCorrelation(INCOMING_TRANSFERRED).processInstanceBusinessKey(year + "/" + to)
                                .correlateAll());
            }
            log.info("Prepayment {}: {} {} done by {}", year, province, step, officer.account());
            return Optional.of(province(year, province, flows));
        });
    }

    /** The year's provinces the officer may see: the centre all, a province its own and its counterparts'. */
    public List<ProvinceYear> year(AppUser officer, int year) {
        String own = Prepayments.requireOfficer(officer);
        return readTx.execute(status -> {
            List<Flow> flows = flows(year);
            return finances.findByYearOrderByProvince(year).stream()
                    .filter(f -> own == null || own.equals(f.getProvince()) || flows.stream().anyMatch(x ->
                            (x.from().equals(own) && x.to().equals(f.getProvince())) || (x.to().equals(own) && x.from().equals(f.getProvince()))))
                    .map(f -> province(year, f.getProvince(), flows)).toList();
        });
    }

    /**
     * 第二十四条: what a paying province owes a receiving one (null: any) of a year's prepayment whose hand-over or
     * transfer is past its deadline now. A refund owed by the receiving province is not a paying province's debt.
     */
    List<Suspensions.Overdue> overdue(String payer, String receiver) {
        Instant now = now();
        return readTx.execute(status -> finances.findByPaysTrue().stream()
                .filter(f -> payer == null || payer.equals(f.getProvince()))
                .flatMap(f -> java.util.stream.Stream.of(YearFinanceStep.HAND_OVER, YearFinanceStep.TRANSFER).map(f::step)
                        .flatMap(Optional::stream).filter(s -> s.isOverdue(now)).limit(1)
                        .flatMap(s -> pairs.findByYearOrderByPayingProvinceAscReceivingProvinceAsc(f.getYear()).stream()
                                .filter(p -> p.getPayingProvince().equals(f.getProvince()) && p.getAdjustment().yuan().signum() > 0
                                        && (receiver == null || receiver.equals(p.getReceivingProvince())))
                                .map(p -> new Suspensions.Overdue(Suspension.Cause.PREPAYMENT, String.valueOf(f.getYear()),
                                        p.getPayingProvince(), name(p.getPayingProvince()), p.getReceivingProvince(),
                                        name(p.getReceivingProvince()), p.getAdjustment(), s.getDue()))))
                .toList());
    }

    // --- the case's steps (YearFinanceSteps)

    /** The step opens with its deadline: its term, and in a yearly run not after the end of February. */
    Instant openStep(int year, String province, YearFinanceStep step) {
        return tx.execute(status -> {
            Instant now = now();
            Instant due = due(years.findById(year).orElseThrow(), now, workingDays.deadline(now, terms.get(step)).toInstant());
            YearFinance f = finances.lock(year, province).orElseThrow();
            f.stepOpened(step, now, due);
            return f.step(step).orElseThrow().getDue();
        });
    }

    /**
     * A step's deadline: its term, and in a yearly run opened before the end of February not after that (23:59:59
     * China time of its last day); the initial year and a run after February have the terms alone.
     */
    static Instant due(PrepaymentYear year, Instant now, Instant term) {
        Instant februaryEnd = YearMonth.of(year.getYear(), 3).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant().minusSeconds(1);
        return year.getKind() == PrepaymentYear.Kind.YEARLY && now.isBefore(februaryEnd) && term.isAfter(februaryEnd) ? februaryEnd : term;
    }

    /** Whether everyone owing {@code province} this year has transferred. */
    boolean incomingTransferred(int year, String province) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            years.lock(year).orElseThrow();
            return allTransferred(year, flows(year), province);
        }));
    }

    void escalated(int year, String province, YearFinanceStep step) {
        tx.executeWithoutResult(status -> finances.lock(year, province).orElseThrow().stepEscalated(step, now()));
        log.warn("Prepayment {}: {} of {} is overdue, escalated to the national centre", year, step, province);
    }

    private boolean allTransferred(int year, List<Flow> flows, String province) {
        return flows.stream().filter(f -> f.to().equals(province)).map(Flow::from).distinct()
                .allMatch(from -> finances.findByYearAndProvince(year, from).map(f -> f.isDone(YearFinanceStep.TRANSFER)).orElse(false));
    }

    private ProvinceYear province(int year, String province, List<Flow> flows) {
        YearFinance f = finances.findByYearAndProvince(year, province).orElseThrow();
        return new ProvinceYear(year, province, name(province), f.isPays(), f.isReceives(),
                flows.stream().filter(x -> x.from().equals(province) || x.to().equals(province)).toList(), List.copyOf(f.getSteps()));
    }

    /** the officer's group for these steps: the province's finance officers, the centre's prepayment officers */
    private static String group(AppUser officer) {
        if (officer == null || officer.unitCode() == null || !officer.hasRole(Roles.OFFICER)) {
            return null;
        }
        if (officer.isNationalCentre()) {
            return officer.hasRole(Roles.PREPAYMENT) ? TopUps.group(Roles.PREPAYMENT, AppUser.NATIONAL_CENTRE_CODE) : null;
        }
        return officer.hasRole(Roles.FINANCE) ? TopUps.group(Roles.FINANCE, officer.unitCode()) : null;
    }

    private String name(String province) {
        return divisions.name(province).orElse(province);
    }

    private static Instant now() {
        return Prepayments.now();
    }
}
