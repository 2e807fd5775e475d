package cn.gov.ybj.crossprov.workflow.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.InboxTestProcess;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.Query;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** 待办任务 in a browserless Vaadin: the type filter from the modules, the order, the marks, 督办任务. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskInboxViewTest extends KaribuSpringSupport {

    @Autowired
    ProcessEngine engine;

    @Test
    void theTypeFilterOffersEveryReviewTypeTheModulesContribute() {
        clerk("cy-reviewer", "110105");
        UI.getCurrent().navigate("clerk/inbox");
        @SuppressWarnings("unchecked")
        ComboBox<String> types = _get(ComboBox.class, spec -> spec.withId("filter-task-type"));
        List<String> keys = types.getListDataView().getItems().toList();
        assertThat(keys).containsExactly("Task_ReviewFiling", "Task_ReviewChange", "Task_ReviewCancellation",
                "Task_ReviewSupplement", "Task_ReviewChoice", "Task_AcceptTransferIn", "Task_ReviewTransferOut",
                "Task_TransferOut", "Task_TransferIn");
        assertThat(keys.stream().map(types.getItemLabelGenerator()).toList())
                .containsExactly("备案审核", "信息变更审核", "取消备案审核", "补充材料审核", "门诊慢特病医疗机构选择审核",
                        "转移接续·转入地前台落地审核", "转移接续·转出地审核", "转移接续·转出地办理转出", "转移接续·转入地办理接续");
        // 督办任务 is the supervisors' view (Karibu finds visible components only)
        assertThat(_find(Checkbox.class, spec -> spec.withId("filter-escalated"))).isEmpty();
        assertThat(_get(Checkbox.class, spec -> spec.withId("filter-overdue")).isVisible()).isTrue();
    }

    @Test
    void escalatedAndOverdueTasksAreMarkedAndFirstAndSupervisorsCanListTheEscalatedAlone() {
        InboxTestProcess.deploy(engine);
        String area = "990201";
        Instant now = Instant.now();
        Task later = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(4)));
        Task overdue = InboxTestProcess.start(engine, area, now.minus(Duration.ofHours(2)));
        Task escalated = InboxTestProcess.start(engine, area, now.plus(Duration.ofDays(6)));
        InboxTestProcess.escalateNow(engine, escalated);

        login(Realm.CLERKS, "inbox-supervisor", null, List.of("area-" + area), List.of("supervisor"));
        UI.getCurrent().navigate("clerk/inbox");
        Grid<ClerkInbox.Item> grid = inboxGrid();
        assertThat(taskIds(grid)).containsExactly(escalated.getId(), overdue.getId(), later.getId());
        assertThat(marks(grid, 0)).containsExactly("已督办");
        assertThat(_get(due(grid, 0), Span.class, spec -> spec.withId("escalated-" + escalated.getId()))
                .getElement().getAttribute("theme")).startsWith("badge");
        assertThat(marks(grid, 1)).containsExactly("已超期");
        assertThat(_get(due(grid, 1), Span.class, spec -> spec.withId("overdue-" + overdue.getId()))
                .getElement().getAttribute("theme")).startsWith("badge");
        assertThat(marks(grid, 2)).isEmpty();
        assertThat(grid.getPartNameGenerator().apply(grid.getDataProvider().fetch(new Query<>()).toList().get(0))).isEqualTo("escalated");

        Checkbox onlyEscalated = _get(Checkbox.class, spec -> spec.withId("filter-escalated"));
        assertThat(onlyEscalated.isVisible()).isTrue();
        assertThat(onlyEscalated.getLabel()).isEqualTo("只看督办任务");
        _setValue(onlyEscalated, true);
        assertThat(taskIds(grid)).containsExactly(escalated.getId());
        _setValue(onlyEscalated, false);
        assertThat(taskIds(grid)).hasSize(3);
    }

    @SuppressWarnings("unchecked")
    private static Grid<ClerkInbox.Item> inboxGrid() {
        return _get(Grid.class, spec -> spec.withId("inbox"));
    }

    private static List<String> taskIds(Grid<ClerkInbox.Item> grid) {
        return grid.getDataProvider().fetch(new Query<>()).map(ClerkInbox.Item::taskId).toList();
    }

    private static Component due(Grid<ClerkInbox.Item> grid, int row) {
        return (Component) GridKt._getCellComponent(grid, row, "due");
    }

    /** The badges in the due-date cell, in order. */
    private static List<String> marks(Grid<ClerkInbox.Item> grid, int row) {
        return _find(due(grid, row), Span.class).stream()
                .filter(s -> String.valueOf(s.getElement().getAttribute("theme")).startsWith("badge")).map(Span::getText).toList();
    }
}
