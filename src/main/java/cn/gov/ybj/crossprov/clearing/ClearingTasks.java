package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.workflow.EngineWork;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The officers' work in the month's clearing case ({@code bpmn/monthly-clearing.bpmn}): the centre
 * starts a month by hand; a province's clearing officers confirm its tables or dispute pairs; the
 * centre resolves disputes. Each answer changes the month ({@link MonthlyClearing}) and completes the
 * task in one transaction. A task is found only in the officer's own group ({@code clearing-<unit>}):
 * another province's task id gets the same empty answer as one that does not exist.
 */
@Service
public class ClearingTasks {

    public static final String PROCESS = "monthly-clearing";
    /** a province's money after the notices, one case per month and province (business key 2025-03/110000) */
    public static final String FINANCE_PROCESS = "clearing-finance";
    static final String INCOMING_TRANSFERRED = "ClearingIncomingTransferred";
    static final String CONFIRM_TABLES = "Task_ConfirmTables";
    static final String RESOLVE_DISPUTES = "Task_ResolveDisputes";
    static final String STARTED_BY_CENTRE = "ClearingStartedByCentre";
    static final String TABLES_CHANGED = "ClearingTablesChanged";
    static final String MONTH_CONFIRMED = "ClearingMonthConfirmed";
    /** an escalated task leads the list (Camunda's default priority is 50) */
    static final int ESCALATED_PRIORITY = 100;

    public enum Kind {
        CONFIRM_TABLES("确认本省清算表", "Confirm the province's clearing tables"),
        RESOLVE_DISPUTES("处理异议", "Resolve the disputes"),
        /** a step of 第三十六、三十七条 ({@link ClearingTask#step()}) */
        FINANCE("清算资金", "Clearing funds");

        private final String label;
        private final String labelEn;

        Kind(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    /**
     * An open task of the officer's unit: a province's confirmation (the centre sees it once escalated),
     * or the centre's resolution of a province's disputes ({@code disputes}: the open ones).
     */
    public record ClearingTask(String taskId, Kind kind, FinanceStep step, YearMonth month, String province, String provinceName,
                               Instant created, Instant due, boolean escalated, List<ClearingSummary.DisputeState> disputes) {

        /** the step's name for a finance task, else the kind's */
        public String label(boolean english) {
            return step != null ? (english ? step.labelEn() : step.label()) : (english ? kind.labelEn() : kind.label());
        }
    }

    /** A pair the province disputes, with the reason. */
    public record DisputeRequest(String pairProvince, String reason) {
    }

    /** The centre's resolution of the province's dispute of its pair with {@code pairProvince}. */
    public record ResolutionRequest(String pairProvince, DisputeResolution resolution, String note) {
    }

    private final MonthlyClearing clearing;
    private final ClearingFinance finance;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;

    ClearingTasks(MonthlyClearing clearing, ClearingFinance finance, TaskService tasks, RuntimeService runtime,
                  PlatformTransactionManager transactions) {
        this.clearing = clearing;
        this.finance = finance;
        this.tasks = tasks;
        this.runtime = runtime;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Candidate group of a unit's clearing officers (a province, or the centre 000000). */
    public static String group(String unitCode) {
        return "clearing-" + unitCode;
    }

    /** Candidate group of a province's finance officers (财务岗). */
    public static String financeGroup(String unitCode) {
        return "finance-" + unitCode;
    }

    /** The officer's candidate groups: clearing and finance by role. */
    private static List<String> groups(AppUser officer) {
        List<String> groups = new ArrayList<>();
        if (officer != null && officer.unitCode() != null && officer.hasRole(Roles.OFFICER)) {
            if (officer.hasRole(Roles.CLEARING)) {
                groups.add(group(officer.unitCode()));
            }
            if (officer.hasRole(Roles.FINANCE)) {
                groups.add(financeGroup(officer.unitCode()));
            }
        }
        return groups;
    }

    /**
     * The centre generates the month's tables now and starts its case (instead of waiting for the
     * timer); refused like {@link MonthlyClearing#generate} — once per month, a month that has ended.
     */
    public ClearingSummary start(AppUser centre, YearMonth month) {
        return EngineWork.retryingOnConflict(tx, status -> {
            clearing.generate(centre, month);
            runtime.createMessageCorrelation(STARTED_BY_CENTRE).processInstanceBusinessKey(month.toString())
                    .setVariable("month", month.toString()).setVariable("startedBy", centre.account()).correlateStartMessage();
            return clearing.month(centre, month).orElseThrow();
        });
    }

    /**
     * The officer's open clearing tasks (a clearing officer's confirmations and resolutions, a finance
     * officer's finance steps; the centre's include every escalated one): escalated first, then by due date
     * and age.
     */
    public List<ClearingTask> open(AppUser officer) {
        List<String> groups = groups(officer);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<ClearingTask> list = new ArrayList<>();
        Map<YearMonth, Optional<ClearingSummary>> months = new TreeMap<>();
        for (Task t : tasks.createTaskQuery().processDefinitionKeyIn(PROCESS, FINANCE_PROCESS).taskCandidateGroupIn(groups)
                .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc().list()) {
            Map<String, Object> v = tasks.getVariables(t.getId(), List.of("month", "province"));
            YearMonth month = YearMonth.parse((String) v.get("month"));
            String province = (String) v.get("province");
            Optional<ClearingSummary> summary = months.computeIfAbsent(month, m -> clearing.month(officer, m));
            String name = summary.flatMap(s -> s.provinces().stream().filter(p -> p.province().equals(province)).findFirst())
                    .map(ClearingSummary.ProvinceState::name).orElse(province);
            FinanceStep step = FinanceStep.ofTask(t.getTaskDefinitionKey());
            Kind kind = step != null ? Kind.FINANCE
                    : CONFIRM_TABLES.equals(t.getTaskDefinitionKey()) ? Kind.CONFIRM_TABLES : Kind.RESOLVE_DISPUTES;
            List<ClearingSummary.DisputeState> disputes = kind != Kind.RESOLVE_DISPUTES ? List.of()
                    : summary.map(s -> s.disputes().stream().filter(d -> d.resolution() == null && d.province().equals(province))
                    .toList()).orElse(List.of());
            list.add(new ClearingTask(t.getId(), kind, step, month, province, name, t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getPriority() >= ESCALATED_PRIORITY, disputes));
        }
        return list;
    }

    /** The province confirms its tables; empty when the task is not this officer's province's confirmation. */
    public Optional<ClearingSummary> confirm(AppUser officer, String taskId) {
        return EngineWork.retryingOnConflict(tx, status -> provinceTask(officer, taskId).map(t -> {
            ClearingSummary summary = clearing.confirm(officer, month(t));
            tasks.complete(t.getId(), Map.of("answer", "CONFIRM"));
            monthConfirmedIfSo(t.getProcessInstanceId(), summary);
            return summary;
        }));
    }

    /**
     * The province disputes one or more of its pairs (each with its reason); the centre then gets a task to
     * resolve them, and the province confirms after. Empty when the task is not this officer's province's.
     */
    public Optional<ClearingSummary> dispute(AppUser officer, String taskId, List<DisputeRequest> disputes) {
        if (disputes == null || disputes.isEmpty()) {
            throw new BusinessRuleException("请至少提出一项异议（对方省份和理由）", "Name at least one disputed pair (the other province and the reason)");
        }
        return EngineWork.retryingOnConflict(tx, status -> provinceTask(officer, taskId).map(t -> {
            ClearingSummary summary = null;
            for (DisputeRequest d : disputes) {
                if (d == null) {
                    throw new BusinessRuleException("异议不能为空", "A dispute must not be empty");
                }
                summary = clearing.dispute(officer, month(t), d.pairProvince(), d.reason());
            }
            tasks.complete(t.getId(), Map.of("answer", "DISPUTE"));
            return summary;
        }));
    }

    /**
     * The centre resolves every open dispute of the task's province, one resolution per disputed pair.
     * Provinces whose tables changed after they had confirmed get their confirmation task again.
     * Empty when the task is not a resolution task of the centre.
     */
    public Optional<ClearingSummary> resolve(AppUser centre, String taskId, List<ResolutionRequest> resolutions) {
        return EngineWork.retryingOnConflict(tx, status -> {
            if (!isClearingOfficer(centre) || !centre.isNationalCentre()) {
                return Optional.<ClearingSummary>empty();
            }
            Optional<Task> found = task(centre, taskId, RESOLVE_DISPUTES);
            if (found.isEmpty()) {
                return Optional.<ClearingSummary>empty();
            }
            Task t = found.get();
            MonthlyClearing.Resolved resolved = clearing.resolve(centre, month(t), (String) tasks.getVariable(t.getId(), "province"),
                    resolutions);
            tasks.complete(t.getId());
            for (String p : resolved.recheck()) {
                tablesChanged(t.getProcessInstanceId(), p);
            }
            monthConfirmedIfSo(t.getProcessInstanceId(), resolved.summary());
            return Optional.of(resolved.summary());
        });
    }

    /**
     * The officer records a finance step of their own province as done ({@code note}: a voucher number, a
     * date, ≤ 200 characters); a transfer tells each receiving province whose payers have all transferred
     * that it can confirm receipt. Empty when the task is not one of this officer's province and role.
     */
    public Optional<List<ClearingFinance.ProvinceFinance>> complete(AppUser officer, String taskId, String note) {
        return EngineWork.retryingOnConflict(tx, status -> {
            if (officer == null || officer.isNationalCentre() || taskId == null || taskId.isBlank() || taskId.length() > 64) {
                return Optional.<List<ClearingFinance.ProvinceFinance>>empty();
            }
            Task t = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(FINANCE_PROCESS)
                    .taskCandidateGroupIn(groups(officer)).singleResult();
            FinanceStep step = t == null ? null : FinanceStep.ofTask(t.getTaskDefinitionKey());
            if (step == null || !officer.hasRole(step.role()) || !officer.unitCode().equals(tasks.getVariable(t.getId(), "province"))) {
                return Optional.<List<ClearingFinance.ProvinceFinance>>empty();
            }
            YearMonth month = month(t);
            for (String receiver : finance.done(officer, month, officer.unitCode(), step, note)) {
                runtime.createMessageCorrelation(INCOMING_TRANSFERRED).processInstanceBusinessKey(financeKey(month, receiver))
                        .correlateAll();
            }
            tasks.complete(t.getId());
            return Optional.of(finance.state(officer, month));
        });
    }

    /** business key of a province's finance case */
    static String financeKey(YearMonth month, String province) {
        return month + "/" + province;
    }

    /**
     * The province's instance looks again whether it has tables to confirm: waiting (it had confirmed, or had
     * nothing) it takes its confirmation task; with the task open and nothing left to confirm, the task goes.
     */
    private void tablesChanged(String processInstanceId, String province) {
        for (Execution e : runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(TABLES_CHANGED).list()) {
            if (province.equals(runtime.getVariable(e.getId(), "province"))) {
                runtime.messageEventReceived(TABLES_CHANGED, e.getId());
            }
        }
    }

    private void monthConfirmedIfSo(String processInstanceId, ClearingSummary summary) {
        if (summary != null && summary.status() == ClearingStatus.CONFIRMED) {
            runtime.createMessageCorrelation(MONTH_CONFIRMED).processInstanceId(processInstanceId).correlateAll();
        }
    }

    /** The officer's own province's confirmation task (not one escalated to the centre's view). */
    private Optional<Task> provinceTask(AppUser officer, String taskId) {
        if (!isClearingOfficer(officer) || officer.isNationalCentre()) {
            return Optional.empty();
        }
        return task(officer, taskId, CONFIRM_TABLES)
                .filter(t -> officer.unitCode().equals(tasks.getVariable(t.getId(), "province")));
    }

    private Optional<Task> task(AppUser officer, String taskId, String taskDefinitionKey) {
        if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).processDefinitionKey(PROCESS)
                .taskDefinitionKey(taskDefinitionKey).taskCandidateGroup(group(officer.unitCode())).singleResult());
    }

    private YearMonth month(Task t) {
        return YearMonth.parse((String) tasks.getVariable(t.getId(), "month"));
    }

    private static boolean isClearingOfficer(AppUser officer) {
        return officer != null && officer.unitCode() != null && officer.hasRole(Roles.OFFICER) && officer.hasRole(Roles.CLEARING);
    }
}
