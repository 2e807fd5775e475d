package cn.gov.ybj.crossprov.workflow;

import cn.gov.ybj.crossprov.identity.AppUser;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's order, marks and 督办 view on the embedded PostgreSQL with the real engine; each
 * test has its own pooling area, so the lists hold its tasks only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClerkInboxTest {

    @Autowired
    ClerkInbox inbox;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now();

    @BeforeEach
    void deploy() {
        InboxTestProcess.deploy(engine);
    }

    @Test
    void escalatedTasksComeFirstThenByDueDateCreationAndId() {
        String area = "990101";
        AppUser reviewer = clerk("inbox-reviewer", area, "REVIEWER");
        Task later = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(3)));
        Task overdue = InboxTestProcess.start(engine, area, now.minus(Duration.ofHours(1)));
        Task soon = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(1)));
        Task sameDueFirst = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(2)));
        Task sameDueSecond = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(2)));
        Task escalated = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(5)));
        // same due date: the earlier created first (the id decides only within the same millisecond)
        List<String> sameDue = List.of(sameDueFirst, sameDueSecond).stream()
                .sorted(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId)).map(Task::getId).toList();
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50)))
                .containsExactly(overdue.getId(), soon.getId(), sameDue.get(0), sameDue.get(1), later.getId(), escalated.getId());

        InboxTestProcess.escalateNow(engine, escalated);

        List<ClerkInbox.Item> page = inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50);
        assertThat(ids(page)).containsExactly(escalated.getId(), overdue.getId(), soon.getId(), sameDue.get(0), sameDue.get(1),
                later.getId());
        assertThat(page).isSortedAccordingTo(Comparator.comparing(ClerkInbox.Item::escalated).reversed()
                .thenComparing(ClerkInbox.Item::due).thenComparing(ClerkInbox.Item::created).thenComparing(ClerkInbox.Item::taskId));
        // the marks: 已督办 on the escalated task only, 已超期 on the one past its due date only
        assertThat(page).filteredOn(ClerkInbox.Item::escalated).extracting(ClerkInbox.Item::taskId).containsExactly(escalated.getId());
        assertThat(page.get(0).priority()).isEqualTo(ClerkInbox.ESCALATED_PRIORITY);
        assertThat(page).filteredOn(i -> i.overdue(now)).extracting(ClerkInbox.Item::taskId).containsExactly(overdue.getId());
        // paging follows the same order
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ALL, 1, 2))).containsExactly(overdue.getId(), soon.getId());
        // filters keep the order
        assertThat(ids(inbox.page(reviewer, new ClerkInbox.Filter(InboxTestProcess.TASK, null, null, false), 0, 50)))
                .isEqualTo(ids(page));
    }

    @Test
    void theSupervisorsEscalationViewHasTheTaskOnlyOnceItIsEscalated() {
        String area = "990102";
        AppUser reviewer = clerk("inbox-reviewer", area, "REVIEWER");
        AppUser supervisor = clerk("inbox-supervisor", area, "SUPERVISOR");
        AppUser otherSupervisor = clerk("other-supervisor", "990103", "SUPERVISOR");
        Task task = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(2)));
        Task other = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(1)));

        // before its due date: in the area's inbox (supervisors see the area's tasks), not in 督办任务
        assertThat(ids(inbox.page(supervisor, ClerkInbox.Filter.ALL, 0, 50))).containsExactly(other.getId(), task.getId());
        assertThat(inbox.page(supervisor, ClerkInbox.Filter.ESCALATED, 0, 50)).isEmpty();
        assertThat(inbox.count(supervisor, ClerkInbox.Filter.ESCALATED)).isZero();

        // due: the escalation timer offers it to the area's supervisors at top priority
        InboxTestProcess.escalateNow(engine, task);

        assertThat(inbox.page(supervisor, ClerkInbox.Filter.ESCALATED, 0, 50)).singleElement().satisfies(i -> {
            assertThat(i.taskId()).isEqualTo(task.getId());
            assertThat(i.escalated()).isTrue();
        });
        assertThat(inbox.count(supervisor, ClerkInbox.Filter.ESCALATED)).isEqualTo(1);
        // the supervisor is in both groups it is offered to: listed and counted once, first
        assertThat(ids(inbox.page(supervisor, ClerkInbox.Filter.ALL, 0, 50))).containsExactly(task.getId(), other.getId());
        assertThat(inbox.count(supervisor, ClerkInbox.Filter.ALL)).isEqualTo(2);
        // the area's clerks keep it, marked and first; another area's supervisor never sees it
        assertThat(inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50)).first().satisfies(i -> {
            assertThat(i.taskId()).isEqualTo(task.getId());
            assertThat(i.escalated()).isTrue();
        });
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ESCALATED, 0, 50))).containsExactly(task.getId());
        assertThat(inbox.page(otherSupervisor, ClerkInbox.Filter.ESCALATED, 0, 50)).isEmpty();
        assertThat(inbox.find(otherSupervisor, task.getId())).isEmpty();
        // 督办任务 combines with the other filters
        assertThat(inbox.page(supervisor, new ClerkInbox.Filter(null, null, null, true, true), 0, 50)).isEmpty();
        assertThat(inbox.count(supervisor, new ClerkInbox.Filter(InboxTestProcess.TASK, now.minus(Duration.ofHours(1)), null, false, true)))
                .isEqualTo(1);
    }

    @Test
    void theInboxFollowsEveryChangeTheEngineMakesToItsTasks() {
        String area = "990104";
        AppUser reviewer = clerk("inbox-reviewer", area, "REVIEWER");
        Task first = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(1)));
        Task second = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(2)));
        Task third = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(3)));
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50))).containsExactly(first.getId(), second.getId(), third.getId());

        // a due date moved, a task claimed (its candidate link stays), one completed, a case deleted (as in Cockpit)
        engine.getTaskService().setDueDate(third.getId(), Date.from(now.minus(Duration.ofHours(2))));
        inbox.claim(reviewer, second.getId());
        inbox.complete(reviewer, first.getId(), Map.of());
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50))).containsExactly(third.getId(), second.getId());
        assertThat(inbox.count(reviewer, ClerkInbox.Filter.ALL)).isEqualTo(2);
        assertThat(ids(inbox.page(reviewer, new ClerkInbox.Filter(null, null, null, true), 0, 50))).containsExactly(third.getId());
        engine.getRuntimeService().deleteProcessInstance(third.getProcessInstanceId(), "test");
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50))).containsExactly(second.getId());

        // a group taken away and given back
        engine.getTaskService().deleteCandidateGroup(second.getId(), ClerkInbox.areaGroup(area));
        assertThat(inbox.count(reviewer, ClerkInbox.Filter.ALL)).isZero();
        engine.getTaskService().addCandidateGroup(second.getId(), ClerkInbox.areaGroup(area));
        assertThat(ids(inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 50))).containsExactly(second.getId());

        // the read model holds exactly the engine's open candidate links with their tasks' sort keys
        assertThat(jdbc.sql("""
                (SELECT group_id, task_id, task_def_key, priority, due_date, create_time FROM app.inbox_entry
                 EXCEPT SELECT DISTINCT l.group_id_, t.id_, t.task_def_key_, t.priority_, t.due_date_, t.create_time_
                        FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_ WHERE l.type_ = 'candidate')
                UNION ALL
                (SELECT DISTINCT l.group_id_, t.id_, t.task_def_key_, t.priority_, t.due_date_, t.create_time_
                        FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_ WHERE l.type_ = 'candidate'
                 EXCEPT SELECT group_id, task_id, task_def_key, priority, due_date, create_time FROM app.inbox_entry)""")
                .query().listOfRows()).isEmpty();
    }

    private static List<String> ids(List<ClerkInbox.Item> items) {
        return items.stream().map(ClerkInbox.Item::taskId).toList();
    }
}
