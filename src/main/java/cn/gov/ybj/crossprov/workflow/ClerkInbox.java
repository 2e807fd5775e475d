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
        List<Item> items = new ArrayList<>();
        for (Task t : query("SELECT RES.*", clerk, groups, filter, ORDER).listPage(offset, limit)) {
            items.add(item(t));
        }
        return items;
    }

    public long count(AppUser clerk, Filter filter) {
        List<String> groups = groups(clerk);
        if (groups.isEmpty()) {
            return 0;
        }
        if (filter.equals(Filter.ALL)) {
            // every open task has its candidate links, so the links alone give the number (index-only)
            return inGroups(tasks.createNativeTaskQuery(), "SELECT count(DISTINCT I.TASK_ID_) FROM ACT_RU_IDENTITYLINK I"
                    + " WHERE I.TASK_ID_ IS NOT NULL AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (", groups).count();
        }
        return query("SELECT count(*)", clerk, groups, filter, "").count();
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
     * The engine's task query by candidate group joins the identity links and de-duplicates
     * whole task rows before sorting; a semi-join sorts only the area's tasks (measured with
     * 100,000 open tasks, see docs/benchmarks.md). Candidate links stay when a task is claimed, so claimed
     * tasks of the area are included. The order (priority, due date, creation, id) has an index of
     * its own, see {@code InboxIndexPlugin}.
     */
    private NativeTaskQuery query(String select, AppUser clerk, List<String> groups, Filter filter, String orderBy) {
        NativeTaskQuery q = tasks.createNativeTaskQuery();
        StringBuilder sql = groupsIn(q, new StringBuilder(select).append(" FROM ACT_RU_TASK RES WHERE EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I"
                + " WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN ("), groups).append(')');
        if (filter.taskDefinitionKey() != null) {
            sql.append(" AND RES.TASK_DEF_KEY_ = #{taskKey}");
            q.parameter("taskKey", filter.taskDefinitionKey());
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND RES.CREATE_TIME_ >= #{createdFrom}");
            q.parameter("createdFrom", Date.from(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            sql.append(" AND RES.CREATE_TIME_ < #{createdTo}");
            q.parameter("createdTo", Date.from(filter.createdTo()));
        }
        if (filter.onlyOverdue()) {
            sql.append(" AND RES.DUE_DATE_ < #{now}");
            q.parameter("now", ClockUtil.getCurrentTime());
        }
        if (filter.onlyEscalated()) {
            // few links per area: found through the group index, like the area's own tasks
            sql.append(" AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK E WHERE E.TASK_ID_ = RES.ID_ AND E.TYPE_ = 'candidate'"
                    + " AND E.GROUP_ID_ = #{escalationGroup})");
            q.parameter("escalationGroup", supervisorGroup(clerk.unitCode()));
        }
        return q.sql(sql.append(orderBy).toString());
    }

    private static NativeTaskQuery inGroups(NativeTaskQuery q, String sqlUpToGroups, List<String> groups) {
        return q.sql(groupsIn(q, new StringBuilder(sqlUpToGroups), groups).toString());
    }

    /** Appends the group parameters and the closing parenthesis of {@code IN (}. */
    private static StringBuilder groupsIn(NativeTaskQuery q, StringBuilder sql, List<String> groups) {
        for (int i = 0; i < groups.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
            q.parameter("group" + i, groups.get(i));
        }
        return sql.append(')');
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
