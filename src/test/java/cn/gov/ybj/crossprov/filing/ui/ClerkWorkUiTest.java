package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.HandledTasks;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk's day (issue 18 point 4): the inbox's actions stay in view and a row opens its task, people
 * are shown by name and never by account, and 已办任务 lists the clerk's own decisions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClerkWorkUiTest extends KaribuSpringSupport {

    static final String SHIJIAYI = "110105197707079029";   // 史佳怡, 北京朝阳 110105
    static final String ZHANGJIAYI = "110105197501083241"; // 张佳怡, 北京朝阳 110105
    static final String WANGXINYI = "11010519521123142X";  // 王欣怡, 北京朝阳 110105

    @Autowired
    FilingManagement filings;
    @Autowired
    TaskService tasks;

    private Filing submit(AppUser person, String idNumber, LocalDate start) {
        return filings.submit(person, new FilingApplication(idNumber, "110105", "440300", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, start, start.plusDays(20), "联系人", "13900000000", "演示路 9 号", null,
                false, false, false, true, true, List.of()), UUID.randomUUID().toString());
    }

    private String taskOf(Filing f) {
        return tasks.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult().getId();
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static List<String> rows(Grid<?> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
    }

    private static int rowOf(Grid<ClerkInbox.Item> grid, String taskId) {
        List<String> ids = grid.getDataProvider().fetch(new Query<>()).map(ClerkInbox.Item::taskId).toList();
        assertThat(ids).contains(taskId);
        return ids.indexOf(taskId);
    }

    @Test
    void theInboxKeepsItsActionsInViewARowOpensItsTaskAndPeopleHaveNames() {
        AppUser person = insured("clerkwork-shijiayi", SHIJIAYI);
        Filing f = submit(person, SHIJIAYI, ChinaTime.today().plusDays(30));
        String taskId = taskOf(f);

        namedClerk("clerkwork-reviewer", "110105", "王审核");
        UI.getCurrent().navigate("clerk/inbox");
        Grid<ClerkInbox.Item> inbox = grid("inbox");
        // at 1366 px the columns overflow: the actions are frozen to the end and stay in view
        assertThat(inbox.getColumnByKey("actions").isFrozenToEnd()).isTrue();
        Component actions = (Component) GridKt._getCellComponent(inbox, rowOf(inbox, taskId), "actions");
        _click(_get(actions, Button.class, spec -> spec.withId("claim-" + f.applicationSerial())));

        // 办理人 by name, not by account
        String row = String.join(" | ", GridKt._getFormattedRow(inbox, rowOf(inbox, taskId)));
        assertThat(row).contains("王审核").doesNotContain("clerkwork-reviewer").doesNotContain("clerks:");

        // a click on the row opens the task as 办理 does
        GridKt._clickItem(inbox, rowOf(inbox, taskId));
        assertThat(path()).isEqualTo("clerk/filing-review/" + taskId);
        // the history names the applicant (masked), not the account
        assertThat(rows(grid("history"))).anyMatch(r -> r.contains("史**"))
                .noneMatch(r -> r.contains("insured:") || r.contains("clerkwork-shijiayi"));
    }

    @Test
    void handledTasksListTheClerksOwnDecisionsSearchableAndTheHistoryNamesTheClerk() {
        AppUser wang = insured("clerkwork-wangxinyi", WANGXINYI);
        Filing othersCase = submit(wang, WANGXINYI, ChinaTime.today().plusDays(30));
        AppUser other = namedClerk("clerkwork-other", "110105", "李其他");
        UI.getCurrent().navigate("clerk/inbox"); // any request of theirs records their name
        filings.approve(other, taskOf(othersCase));

        AppUser zhang = insured("clerkwork-zhangjiayi", ZHANGJIAYI);
        Filing mine = submit(zhang, ZHANGJIAYI, ChinaTime.today().plusDays(30));
        AppUser clerk = namedClerk("clerkwork-decider", "110105", "赵经办");
        filings.returnForCorrection(clerk, taskOf(mine), "材料不全");

        UI.getCurrent().navigate("clerk/handled");
        Grid<HandledTasks.Item> handled = grid("handled");
        assertThat(rows(handled)).singleElement().satisfies(r -> assertThat(r)
                .contains(mine.applicationSerial(), "张**", "退回", "材料不全", "备案审核").doesNotContain(othersCase.applicationSerial()));
        // searchable by reference and by applicant, and by date
        _setValue(_get(TextField.class, spec -> spec.withId("filter-text")), othersCase.applicationSerial());
        assertThat(rows(handled)).isEmpty();
        _setValue(_get(TextField.class, spec -> spec.withId("filter-text")), "张*");
        assertThat(rows(handled)).hasSize(1);
        _setValue(_get(TextField.class, spec -> spec.withId("filter-text")), "");
        _setValue(_get(DatePicker.class, spec -> spec.withId("filter-decided-from")), ChinaTime.today().plusDays(1));
        assertThat(rows(handled)).isEmpty();
        // the whole area's decisions are the supervisors' view
        assertThat(_find(Checkbox.class, spec -> spec.withId("filter-whole-area"))).isEmpty();

        // a supervisor may list the area's decisions, each with who decided it
        login(cn.gov.ybj.crossprov.identity.Realm.CLERKS, "clerkwork-supervisor", null, List.of("area-110105"),
                List.of("reviewer", "supervisor"), "周督办");
        UI.getCurrent().navigate("clerk/handled");
        _setValue(_get(Checkbox.class, spec -> spec.withId("filter-whole-area")), true);
        assertThat(rows(grid("handled"))).anyMatch(r -> r.contains(mine.applicationSerial()) && r.contains("赵经办"))
                .anyMatch(r -> r.contains(othersCase.applicationSerial()) && r.contains("李其他"))
                .noneMatch(r -> r.contains("clerks:"));

        // the filing's history names the deciding clerk and the applicant, no account ids
        UI.getCurrent().navigate("clerk/filing/" + mine.id());
        assertThat(rows(grid("history"))).anyMatch(r -> r.contains("赵经办")).anyMatch(r -> r.contains("张**"))
                .noneMatch(r -> r.contains("clerks:") || r.contains("insured:") || r.contains("clerkwork-"));
    }
}
