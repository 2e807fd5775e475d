package cn.gov.ybj.crossprov.workflow;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task inbox of a pooling area's clerks. Tasks are offered to the candidate group of the
 * area ({@code area-<code>}, the Keycloak group of its clerks) and, once overdue, also to the
 * area's supervisors ({@link #escalate}); a clerk sees and touches only tasks of their own groups.
 * The list puts escalated tasks first, then orders by due date, creation and id; supervisors can
 * list the escalated tasks alone ({@link Filter#onlyEscalated()}, 督办任务). The query filters by
 * candidate group only (indexed), never by process variables.
 */
@Service
public class ClerkInbox {

    /**
     * Priority of an escalated task (Camunda's default is 50). The list sorts by priority first,
     * so escalated tasks lead; {@link Item#escalated()} reads it from the task row.
     */
    public static final int ESCALATED_PRIORITY = 100;

    private static final String ORDER = " ORDER BY RES.PRIORITY_ DESC, RES.DUE_DATE_ ASC, RES.CREATE_TIME_ ASC, RES.ID_ ASC";
    /** the same order in the inbox's read model ({@code app.inbox_entry}, kept by triggers on the engine's tables) */
    private static final String ENTRY_ORDER = " ORDER BY E.PRIORITY DESC, E.DUE_DATE ASC, E.CREATE_TIME ASC, E.TASK_ID ASC";

    private final TaskService tasks;
    private final AccountNames names;

    ClerkInbox(TaskService tasks, AccountNames names) {
        this.tasks = tasks;
        this.names = names;
    }

    /** Candidate group of a pooling area's clerks. */
    public static String areaGroup(String poolingAreaCode) {
        return "area-" + poolingAreaCode;
    }

    /** Candidate group that overdue tasks of an area escalate to (督办: its supervisors). */
    public static String supervisorGroup(String poolingAreaCode) {
        return "area-" + poolingAreaCode + "-supervisors";
    }

    /**
     * 逾期升级: the case's open task is offered to the area's supervisors too, at top priority
     * (called by the escalation timer of each review; the task stays with its clerks as well).
     */
    public void escalate(String processInstanceId, String taskDefinitionKey, String poolingAreaCode) {
        Task review = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        if (review != null) {
            escalate(review.getId(), poolingAreaCode);
        }
    }

    /** The task is offered to the area's supervisors too and marked 已督办 (top priority, sorted first). */
    void escalate(String taskId, String poolingAreaCode) {
        tasks.addCandidateGroup(taskId, supervisorGroup(poolingAreaCode));
        tasks.setPriority(taskId, ESCALATED_PRIORITY);
    }

    /**
     * @param onlyOverdue   only tasks past their due date
     * @param onlyEscalated only tasks escalated to the supervisors of the clerk's area (督办任务:
     *                      offered to {@link #supervisorGroup(String)})
     */
    public record Filter(String taskDefinitionKey, Instant createdFrom, Instant createdTo, boolean onlyOverdue,
                         boolean onlyEscalated) {
        public static final Filter ALL = new Filter(null, null, null, false, false);
        /** 督办任务: the escalated tasks of the clerk's area */
        public static final Filter ESCALATED = new Filter(null, null, null, false, true);

        public Filter(String taskDefinitionKey, Instant createdFrom, Instant createdTo, boolean onlyOverdue) {
            this(taskDefinitionKey, createdFrom, createdTo, onlyOverdue, false);
        }
    }

    public record Item(String taskId, String name, String taskDefinitionKey, String processInstanceId, Instant created,
                       Instant due, String assignee, int priority) {
        public boolean overdue(Instant now) {
            return due != null && due.isBefore(now);
        }

        /** 已督办: escalated to the area's supervisors ({@link #escalate} sets the priority with the group). */
        public boolean escalated() {
            return priority >= ESCALATED_PRIORITY;
        }
    }

    public List<Item> page(AppUser clerk, Filter filter, int offset, int limit) {
        List<String> groups = groups(clerk);
        if (groups.isEmpty()) {
            return List.of();
        }
        // the page's task ids from the read model's order index, then only those tasks from the engine
        NativeTaskQuery q = tasks.createNativeTaskQuery();
        StringBuilder entries = entries(q, "SELECT E.TASK_ID", clerk, groups, filter);
        if (groups.size() > 1) {
            entries.append(" GROUP BY E.TASK_ID, E.PRIORITY, E.DUE_DATE, E.CREATE_TIME");  // a task offered to both groups once
        }
        q.parameter("window", offset + limit);
        q.sql("SELECT RES.* FROM ACT_RU_TASK RES WHERE RES.ID_ IN (" + entries + ENTRY_ORDER + " LIMIT #{window})" + ORDER);
        List<Item> items = new ArrayList<>();
        for (Task t : q.listPage(offset, limit)) {
            items.add(item(t));
        }
        return items;
    }

    public long count(AppUser clerk, Filter filter) {
        List<String> groups = groups(clerk);
        if (groups.isEmpty()) {
            return 0;
        }
        NativeTaskQuery q = tasks.createNativeTaskQuery();
        // one group: each task once (index-only); several: a task offered to both is counted once
        return q.sql(entries(q, groups.size() > 1 ? "SELECT count(DISTINCT E.TASK_ID)" : "SELECT count(*)", clerk, groups, filter)
                .toString()).count();
    }

    /** The task if the clerk may see it; absent otherwise (another area's task id gets nothing). */
    public Optional<Item> find(AppUser clerk, String taskId) {
        return visible(clerk, taskId).map(ClerkInbox::item);
    }

    public void claim(AppUser clerk, String taskId) {
        Task task = visible(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        if (task.getAssignee() != null && !task.getAssignee().equals(clerk.username())) {
            String holder = names.name(AccountNames.account(Realm.CLERKS, task.getAssignee()));
            throw new BusinessRuleException("该任务已被 " + holder + " 认领", "Already claimed by " + holder);
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, clerk.username());
        }
    }

    public void unclaim(AppUser clerk, String taskId) {
        Task task = visible(clerk, taskId).orElseThrow(Reviews::taskNotFound);
        if (clerk.username().equals(task.getAssignee()) || clerk.hasRole(Roles.SUPERVISOR)) {
            tasks.setAssignee(taskId, null);
        }
    }

    /**
     * Completes a task the clerk may work on, claiming it first if nobody holds it; a task held
     * by someone else is refused.
     */
    public void complete(AppUser clerk, String taskId, Map<String, Object> variables) {
        claim(clerk, taskId);
        tasks.complete(taskId, variables);
    }

    private Optional<Task> visible(AppUser clerk, String taskId) {
        List<String> groups = groups(clerk);
        if (groups.isEmpty() || taskId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(groups)
                .includeAssignedTasks().singleResult());
    }

    /**
     * The open tasks offered to the clerk's groups, from the inbox's read model {@code app.inbox_entry}
     * (one row per task and candidate group with the task's sort keys, kept in the engine's
     * transactions by triggers, see {@code InboxReadModelPlugin}). Reading an area's first page from its
     * order index and then 50 tasks takes ~0.9 ms of PostgreSQL CPU; the engine's tables alone need
     * every task of the area read and sorted, ~3.5 ms (100,000 open tasks, docs/benchmarks.md).
     * Candidate links stay when a task is claimed, so claimed tasks of the area are included.
     */
    private static StringBuilder entries(NativeTaskQuery q, String select, AppUser clerk, List<String> groups, Filter filter) {
        StringBuilder sql = new StringBuilder(select).append(" FROM app.inbox_entry E WHERE E.GROUP_ID IN (");
        for (int i = 0; i < groups.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
            q.parameter("group" + i, groups.get(i));
        }
        sql.append(')');
        if (filter.taskDefinitionKey() != null) {
            sql.append(" AND E.TASK_DEF_KEY = #{taskKey}");
            q.parameter("taskKey", filter.taskDefinitionKey());
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND E.CREATE_TIME >= #{createdFrom}");
            q.parameter("createdFrom", Date.from(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            sql.append(" AND E.CREATE_TIME < #{createdTo}");
            q.parameter("createdTo", Date.from(filter.createdTo()));
        }
        if (filter.onlyOverdue()) {
            sql.append(" AND E.DUE_DATE < #{now}");
            q.parameter("now", ClockUtil.getCurrentTime());
        }
        if (filter.onlyEscalated()) {
            sql.append(" AND EXISTS (SELECT 1 FROM app.inbox_entry X WHERE X.GROUP_ID = #{escalationGroup} AND X.TASK_ID = E.TASK_ID)");
            q.parameter("escalationGroup", supervisorGroup(clerk.unitCode()));
        }
        return sql;
    }

    static List<String> groups(AppUser clerk) {
        if (clerk.realm() != Realm.CLERKS || clerk.unitCode() == null) {
            return List.of();
        }
        List<String> groups = new ArrayList<>(List.of(areaGroup(clerk.unitCode())));
        if (clerk.hasRole(Roles.SUPERVISOR)) {
            groups.add(supervisorGroup(clerk.unitCode()));
        }
        return groups;
    }

    private static Item item(Task t) {
        return new Item(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                t.getAssignee(), t.getPriority());
    }
}
