package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.clearing.ClearingTasks;
import cn.gov.ybj.crossprov.clearing.ClearingTestData;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officers' 预付金 in a browserless Vaadin on the embedded PostgreSQL: 2023's clearing and 2024's
 * quotas and February set up through the services; the receiving province's officer sees its pairs (only
 * its own) with their bands and its application task, cannot send it without an amount, then applies; the
 * centre approves and the notice is offered; a suspension request with nothing overdue gets its message; a
 * pair's months as a chart. Next year's first quotas reported, confirmed and handed over on the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PrepaymentUiTest extends KaribuSpringSupport {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClearingTasks clearing;
    @Autowired
    Prepayments prepayments;
    @Autowired
    TopUps topUps;
    @Autowired
    YearFinances finances;

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static List<String> rows(Grid<?> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
    }

    void clearMonth(YearMonth month, String tag, int n) {
        ClearingTestData.insert(jdbc, month, tag, n);
        clearing.start(new AppUser(Realm.PROVINCIAL, "nc-clearing", "nc", Set.of("OFFICER", "CLEARING"), List.of("national-centre"), "000000"), month);
        for (String p : ClearingTestData.PROVINCES) {
            AppUser officer = new AppUser(Realm.PROVINCIAL, "x", "x", Set.of("OFFICER", "CLEARING"), List.of("province-" + p), p);
            clearing.open(officer).stream().filter(t -> t.month().equals(month) && t.kind() == ClearingTasks.Kind.CONFIRM_TABLES)
                    .forEach(t -> clearing.confirm(officer, t.taskId()));
        }
    }

    @Test
    void aReceivingProvinceAppliesOnItsScreenAndTheCentreApproves() {
        clearMonth(YearMonth.of(2023, 5), "PUI2305", 1_200);
        AppUser centre = login(Realm.PROVINCIAL, "nc-prepayment", null, List.of("national-centre"), List.of("prepayment"));
        UI.getCurrent().navigate("provincial/prepayment");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("预付金");
        // 2024 is set up through the services
        prepayments.runYear(centre, 2024);
        clearMonth(YearMonth.of(2024, 2), "PUI2402", 170);
        TopUps.TopUpTask apply = ClearingTestData.PROVINCES.stream()
                .flatMap(p -> topUps.open(new AppUser(Realm.PROVINCIAL, "x", "x", Set.of("OFFICER", "PREPAYMENT"), List.of("province-" + p), p))
                        .stream().filter(t -> t.step() == TopUpStep.APPLY))
                .findFirst().orElse(null);
        assertThat(apply).as("a red pair's application").isNotNull();
        String receiver = apply.receivingProvince();

        login(Realm.PROVINCIAL, "pp-ui-" + receiver, null, List.of("province-" + receiver), List.of("prepayment"));
        UI.getCurrent().navigate("provincial/prepayment");
        year(2024);
        assertThat(_get(Span.class, spec -> spec.withId("prepayment-status")).getText()).contains("2024", "依据 2023 年清算金额");
        String receiverName = apply.receivingName();
        List<String> pairs = rows(grid("prepayment-pairs"));
        assertThat(pairs).isNotEmpty().allMatch(r -> r.contains(receiverName) || r.startsWith(receiverName));
        assertThat(pairs.get(0)).contains("红色预警");
        GridKt._clickItem(grid("prepayment-pairs"), 0);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("prepayment-usage-chart")).getChildren().count())
                .as("the two bands and February").isEqualTo(3);
        _click(_get(Button.class, spec -> spec.withText("关闭")));
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("prepayment-xlsx")).getHref()).isNotBlank();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("prepayment-notice-receipt")).getText())
                .contains("附件4-2");
        List<String> tasks = rows(grid("prepayment-tasks"));
        assertThat(tasks).anyMatch(r -> r.contains("报送预付金额度调增申请") && r.contains(apply.payingName() + " → " + receiverName));

        _click(taskButton(apply.taskId()));
        _setValue(_get(TextArea.class, spec -> spec.withId("task-text")), "使用率红色预警");
        _click(_get(Button.class, spec -> spec.withId("task-send")));
        assertThat(_get(Span.class, spec -> spec.withId("task-error")).getText()).contains("调增金额应为大于 0 的金额");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("task-amount")), new BigDecimal("300000.00"));
        _click(_get(Button.class, spec -> spec.withId("task-send")));
        assertThat(rows(grid("prepayment-tasks"))).noneMatch(r -> r.contains(apply.payingName() + " → " + receiverName)
                && r.contains("报送预付金额度调增申请"));
        assertThat(rows(grid("prepayment-top-ups"))).anyMatch(r -> r.contains("待审核") && r.contains("30.00"));

        // nothing overdue: the request is refused with its message, nothing recorded
        _click(_get(Button.class, spec -> spec.withId("prepayment-request-suspension")));
        select("suspension-payer", apply.payingProvince());
        select("suspension-cause", Suspension.Cause.CLEARING);
        _setValue(_get(TextField.class, spec -> spec.withId("suspension-reason")), "清算资金未到账");
        _click(_get(Button.class, spec -> spec.withId("suspension-send")));
        assertThat(_get(Span.class, spec -> spec.withId("suspension-error")).getText()).contains("没有逾期");

        login(Realm.PROVINCIAL, "nc-prepayment", null, List.of("national-centre"), List.of("prepayment"));
        UI.getCurrent().navigate("provincial/prepayment");
        year(2024);
        TopUps.TopUpTask review = topUps.open(centre).stream().filter(t -> t.topUpId().equals(apply.topUpId())).findFirst().orElseThrow();
        _click(taskButton(review.taskId()));
        assertThat(_get(BigDecimalField.class, spec -> spec.withId("task-amount")).getValue()).isEqualByComparingTo("300000.00");
        _click(_get(Button.class, spec -> spec.withId("task-send")));
        assertThat(rows(grid("prepayment-top-ups"))).anyMatch(r -> r.contains("已下达通知书") && r.contains("30.00"));
    }

    @SuppressWarnings("unchecked")
    static void year(int year) {
        _setValue(_get(Select.class, spec -> spec.withId("prepayment-year")), year);
    }

    @SuppressWarnings("unchecked")
    static <T> void select(String id, T value) {
        _setValue(_get(Select.class, spec -> spec.withId(id)), value);
    }

    static Button taskButton(String taskId) {
        Grid<TopUps.TopUpTask> tasks = grid("prepayment-tasks");
        for (int i = 0; i < GridKt._size(tasks); i++) {
            if (GridKt._get(tasks, i).taskId().equals(taskId)) {
                return (Button) GridKt._getCellComponent(tasks, i, "actions").getChildren().findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no task " + taskId);
    }

    /**
     * 第十七条 and 第十九条 on the screen, in next year (no quotas this year): Fujian's prepayment officer reports
     * (an amount of 0 shows the field's rule), the centre confirms, Fujian's finance officer hands over.
     */
    @Test
    void theFirstYearIsReportedConfirmedAndHandedOverOnTheScreen() {
        int next = java.time.Year.now(cn.gov.ybj.crossprov.shared.ChinaTime.ZONE).getValue() + 1;
        login(Realm.PROVINCIAL, "pp-ui-fj", null, List.of("province-350000"), List.of("prepayment"), "林预付");
        UI.getCurrent().navigate("provincial/prepayment");
        year(next);
        _click(_get(Button.class, spec -> spec.withId("prepayment-initial-report")));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("initial-110000")), new BigDecimal("1200000.00"));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("initial-310000")), BigDecimal.ZERO);
        _click(_get(Button.class, spec -> spec.withId("initial-send")));
        assertThat(_get(Span.class, spec -> spec.withId("initial-error")).getText()).contains("应为大于 0 的金额");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("initial-310000")), null);
        _click(_get(Button.class, spec -> spec.withId("initial-send")));
        assertThat(rows(grid("prepayment-initial-reports"))).containsExactly("福建省 | 北京市 | 120.00 | 林预付");

        login(Realm.PROVINCIAL, "nc-prepayment", null, List.of("national-centre"), List.of("prepayment"));
        UI.getCurrent().navigate("provincial/prepayment");
        year(next);
        _assertNone(Button.class, spec -> spec.withId("prepayment-run"));
        _click(_get(Button.class, spec -> spec.withId("prepayment-initial-confirm")));
        assertThat(_get(Span.class, spec -> spec.withId("prepayment-status")).getText()).contains("建立之初");
        _assertNone(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("prepayment-initial"));

        AppUser finance = login(Realm.PROVINCIAL, "pf-ui-fj", null, List.of("province-350000"), List.of("finance"));
        UI.getCurrent().navigate("provincial/prepayment");
        year(next);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("prepayment-notice-payment")).getText())
                .startsWith("附件2 ");
        YearFinances.YearFinanceTask handOver = finances.open(finance).stream().filter(t -> t.year() == next).findFirst().orElseThrow();
        assertThat(handOver.step()).isEqualTo(YearFinanceStep.HAND_OVER);
        Grid<YearFinances.YearFinanceTask> tasks = grid("prepayment-finance-tasks");
        int row = IntStream.range(0, GridKt._size(tasks)).filter(i -> GridKt._get(tasks, i).taskId().equals(handOver.taskId())).findFirst().orElseThrow();
        _click((Button) GridKt._getCellComponent(tasks, row, "actions").getChildren().findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId("finance-note")), "财预〔" + next + "〕1 号");
        _click(_get(Button.class, spec -> spec.withId("finance-send")));
        assertThat(rows(grid("prepayment-finance-tasks"))).anyMatch(r -> r.contains("财政划拨预付金") && r.contains(next + " 福建省"));
        assertThat(rows(grid("prepayment-finance-provinces"))).anyMatch(r -> r.startsWith("福建省 | 120.00 万元 | — | 已办结"));
    }
}
