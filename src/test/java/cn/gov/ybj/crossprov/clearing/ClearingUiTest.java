package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officers' 清算与预付金 in a browserless Vaadin on the embedded PostgreSQL: the centre starts a month;
 * Beijing's officer sees Beijing's task, its row of the heat map and its tables with their downloads,
 * confirms; Fujian's officer cannot send a dispute without a reason, then disputes; the centre sees the
 * dispute to resolve. Nothing of another province is offered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClearingUiTest extends KaribuSpringSupport {

    static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearingTasks tasks;

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static List<String> rows(Grid<?> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
    }

    @SuppressWarnings("unchecked")
    void month(YearMonth m) {
        _setValue(_get(Select.class, spec -> spec.withId("clearing-month")), m);
    }

    @Test
    void aMonthFromTheCentresStartToAProvincesConfirmationAndADispute() {
        ClearingTestData.insert(jdbc, SEPTEMBER, "CLU2509", 1_200);
        AppUser centre = login(Realm.PROVINCIAL, "nc-clearing", null, List.of("national-centre"), List.of("clearing"));
        UI.getCurrent().navigate("provincial");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("清算与预付金");
        month(SEPTEMBER);
        assertThat(_get(Span.class, spec -> spec.withId("clearing-status")).getText()).contains("尚未生成");
        _click(_get(Button.class, spec -> spec.withId("clearing-start")));
        assertThat(_get(Span.class, spec -> spec.withId("clearing-status")).getText()).contains("2025-09", "待确认", "2025-10-25");
        assertThat(GridKt._size(grid("clearing-matrix"))).as("every province a row").isGreaterThanOrEqualTo(32);

        login(Realm.PROVINCIAL, "bj-clearing", null, List.of("province-110000"), List.of("clearing"));
        UI.getCurrent().navigate("provincial");
        month(SEPTEMBER);
        List<String> beijingTasks = rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-09")).toList();
        assertThat(beijingTasks).hasSize(1);
        assertThat(beijingTasks.get(0)).contains("确认本省清算表", "北京市");
        // its row and its column: Beijing's row has amounts, Tianjin's row only in Beijing's column
        List<String> matrix = rows(grid("clearing-matrix"));
        assertThat(matrix.get(0)).startsWith("北京市 | —— | ");
        String tianjin = matrix.get(1);
        assertThat(tianjin).startsWith("天津市 | ");
        assertThat(tianjin.split(" \\| ", -1)[3]).as("Tianjin ← Hebei is not Beijing's").isEmpty();
        assertThat(rows(grid("clearing-table")).get(GridKt._size(grid("clearing-table")) - 1)).startsWith("合计");
        assertThat(_get(Anchor.class, spec -> spec.withId("clearing-table-xlsx")).getHref()).isNotBlank();
        @SuppressWarnings("unchecked")
        Select<String> province = _get(Select.class, spec -> spec.withId("clearing-province"));
        assertThat(province.getListDataView().getItems().toList()).containsExactly("110000");
        String beijingTask = taskId("110000");
        _click(action(beijingTask, "confirm-"));
        assertThat(rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-09"))).isEmpty();

        AppUser fujian = login(Realm.PROVINCIAL, "fj-clearing", null, List.of("province-350000"), List.of("clearing"));
        String fujianTask = tasks.open(fujian).stream().filter(t -> t.month().equals(SEPTEMBER)).findFirst().orElseThrow().taskId();
        UI.getCurrent().navigate("provincial");
        month(SEPTEMBER);
        assertThat(rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-09")).toList()).hasSize(1);
        _click(action(fujianTask, "dispute-"));
        @SuppressWarnings("unchecked")
        ComboBox<String> pair = _get(ComboBox.class, spec -> spec.withId("dispute-pair"));
        assertThat(pair.getListDataView().getItems().toList()).doesNotContain("350000").contains("110000");
        _setValue(pair, "110000");
        _click(_get(Button.class, spec -> spec.withId("dispute-send")));
        assertThat(_get(Span.class, spec -> spec.withId("dispute-error")).getText()).contains("异议理由");
        _setValue(_get(TextArea.class, spec -> spec.withId("dispute-reason")), "北京市的结算与本省对账结果不符");
        _click(_get(Button.class, spec -> spec.withId("dispute-send")));
        assertThat(rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-09"))).isEmpty();

        assertThat(tasks.open(centre).stream().filter(t -> t.month().equals(SEPTEMBER) && t.kind() == ClearingTasks.Kind.RESOLVE_DISPUTES)
                .map(ClearingTasks.ClearingTask::province)).containsExactly("350000");
    }

    @Test
    void aFinanceOfficerRecordsTheHandOverAndSeesWhatTheProvincePays() {
        YearMonth november = YearMonth.of(2025, 11);
        ClearingTestData.insert(jdbc, november, "CLU2511", 1_200);
        AppUser centre = new AppUser(Realm.PROVINCIAL, "nc-clearing", "nc", Set.of("OFFICER", "CLEARING"), List.of("national-centre"), "000000");
        tasks.start(centre, november);
        for (String p : ClearingTestData.PROVINCES) {
            AppUser officer = new AppUser(Realm.PROVINCIAL, "x", "x", Set.of("OFFICER", "CLEARING"), List.of("province-" + p), p);
            tasks.open(officer).stream().filter(t -> t.month().equals(november) && t.kind() == ClearingTasks.Kind.CONFIRM_TABLES)
                    .forEach(t -> tasks.confirm(officer, t.taskId()));
        }

        // the clearing officer has no finance step to do
        login(Realm.PROVINCIAL, "bj-clearing", null, List.of("province-110000"), List.of("clearing"));
        UI.getCurrent().navigate("provincial");
        month(november);
        assertThat(rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-11"))).isEmpty();

        AppUser finance = login(Realm.PROVINCIAL, "bj-finance", null, List.of("province-110000"), List.of("finance"));
        UI.getCurrent().navigate("provincial");
        month(november);
        List<String> open = rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-11")).toList();
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).contains("提交同级财政部门", "北京市");
        assertThat(rows(grid("clearing-finance-steps"))).singleElement().asString().contains("北京市", "提交同级财政部门", "待办理");
        String handOver = tasks.open(finance).stream().filter(t -> t.month().equals(november)).findFirst().orElseThrow().taskId();
        _click(action(handOver, "complete-"));
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("complete-note")), "财政交接单 11 号");
        _click(_get(Button.class, spec -> spec.withId("complete-send")));

        open = rows(grid("clearing-tasks")).stream().filter(r -> r.startsWith("2025-11")).toList();
        assertThat(open).singleElement().asString().contains("财政划拨清算资金");
        assertThat(rows(grid("clearing-finance-steps"))).anyMatch(r -> r.contains("提交同级财政部门") && r.contains("bj-finance")
                && r.contains("财政交接单 11 号"));
        // what Beijing pays and receives: Beijing's pairs only, each with its status
        List<ClearingFinance.TransferState> pairs = GridKt._findAll(grid("clearing-transfers"));
        assertThat(pairs).isNotEmpty().allMatch(t -> t.payer().equals("110000") || t.receiver().equals("110000"));
        assertThat(rows(grid("clearing-transfers"))).anyMatch(r -> r.startsWith("北京市 | ") && r.contains("待财政划拨"));
    }

    /** The button of a task row (grid cells are not children of the view: Karibu renders the row's cell). */
    static Button action(String taskId, String prefix) {
        Grid<ClearingTasks.ClearingTask> tasks = grid("clearing-tasks");
        for (int i = 0; i < GridKt._size(tasks); i++) {
            if (GridKt._get(tasks, i).taskId().equals(taskId)) {
                com.vaadin.flow.component.Component cell = GridKt._getCellComponent(tasks, i, "actions");
                return (Button) cell.getChildren().filter(c -> c.getId().orElse("").equals(prefix + taskId)).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no task " + taskId);
    }

    private String taskId(String province) {
        AppUser officer = new AppUser(Realm.PROVINCIAL, "x", "x", Set.of("OFFICER", "CLEARING"), List.of("province-" + province), province);
        return tasks.open(officer).stream().filter(t -> t.month().equals(SEPTEMBER)).findFirst().orElseThrow().taskId();
    }
}
