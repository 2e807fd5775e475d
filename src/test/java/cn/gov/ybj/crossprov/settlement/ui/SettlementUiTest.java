package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.settlement.HospitalSettlement;
import cn.gov.ybj.crossprov.settlement.HospitalSettlements;
import cn.gov.ybj.crossprov.settlement.Reconciliation;
import cn.gov.ybj.crossprov.settlement.SettlementPolicies;
import cn.gov.ybj.crossprov.settlement.SettlementSummary;
import cn.gov.ybj.crossprov.settlement.SettlementUpload;
import cn.gov.ybj.crossprov.settlement.StoredDemoPolicies;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement screens in a browserless Vaadin on the embedded PostgreSQL: the person's
 * 结算信息查询 and a settlement with its split and slip, another person's settlement by URL, the
 * clerks' area query, and an officer's 日对账 with its mismatch list and export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SettlementUiTest extends KaribuSpringSupport {

    static final String HOSPITAL = "1101059100031"; // 北京朝阳, 三级甲等, networked
    static final String YU_YULAN = "350212199711241925"; // 厦门 职工, no other test uses her
    static final String YU_PING = "350212200511286323";  // 厦门 居民, no other test uses her

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingManagement filings;
    @Autowired
    InstitutionImport institutions;
    @Autowired
    SettlementPolicies policies;
    @Autowired
    HospitalSettlements settlements;

    LocalDate day;

    @BeforeEach
    void fixtures() throws Exception {
        LocalDate today = ChinaTime.today();
        day = today.minusDays(2);
        String csv = InstitutionImport.HEADER + "\n"
                + "1,110105,北京朝阳界面测试医院（演示）," + HOSPITAL + ",三级甲等,综合医院,北京市朝阳区测试路 31 号\n";
        assertThat(institutions.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true).ok()).isTrue();
        StoredDemoPolicies.store(policies, k -> true);
        AppUser hospital = new AppUser(Realm.PROVINCIAL, "service-account-hospital-system", "hospital", Set.of("HOSPITAL"),
                List.of(), null, HOSPITAL);
        for (var p : List.of(new String[]{YU_YULAN, "UI-1", "EMPLOYEE"}, new String[]{YU_PING, "UI-2", "RESIDENT"})) {
            AppUser user = TestUsers.insured("ui-" + p[0], p[0]);
            TestUsers.bind(jdbc, user.username(), p[0]);
            if (filings.openedOn(p[0], day).isEmpty()) {
                filings.submit(user, new FilingApplication(p[0], "350200", "110000", InsuranceType.valueOf(p[2]),
                        FilingType.OTHER_TEMPORARY, today.minusDays(30), today.plusDays(30), "联系人", "13800138000",
                        "北京市朝阳区示例路 1 号", null, false, false, false, true, true, List.of()), "settlement-ui-" + p[0]);
            }
            settlements.upload(hospital, new SettlementUpload(p[1], p[0], null, HOSPITAL, "ZY-" + p[1], "OUTPATIENT", "心内科",
                    day.minusDays(5), day, false, List.of(new SettlementUpload.Category("西药费", new BigDecimal("12000.00"),
                    new BigDecimal("150.00"))), List.of("I21.900"), List.of("急性心肌梗死")));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static <T> List<String> rows(Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(grid, i))).toList();
    }

    @Test
    void aPersonFindsTheirSettlementWithItsSplitAndSlipButNotAnothersByUrl() {
        insured("ui-" + YU_YULAN, YU_YULAN);
        UI.getCurrent().navigate("insured/settlements");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("跨省异地就医结算信息查询");
        Grid<SettlementSummary> list = grid("settlements");
        assertThat(rows(list)).anySatisfy(r -> assertThat(r).contains("UI-1", "12150.00", day.toString()))
                .noneSatisfy(r -> assertThat(r).contains("UI-2"));
        GridKt._clickItem(list, IntStream.range(0, GridKt._size(list)).filter(i -> GridKt._get(list, i).settlementNo().equals("UI-1"))
                .findFirst().orElseThrow());
        _get(SettlementView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("settlement-slip")).getText()).isEqualTo("下载住院结算单（PDF）");
        Grid<?> funds = grid("settlement-funds");
        assertThat(rows(funds)).anySatisfy(r -> assertThat(r).startsWith("统筹基金 | "))
                .anySatisfy(r -> assertThat(r).startsWith("个人现金支付 | "));

        // her neighbour's settlement, by URL: nothing of it
        UI.getCurrent().navigate("settlements/" + HOSPITAL + "/UI-2");
        assertThat(_get(Paragraph.class, spec -> spec.withId("settlement-not-found")).getText()).contains("未找到");
    }

    @Test
    void clerksQueryTheirAreaAndOnlyTheirArea() {
        clerk("xm-settlement-clerk", "350200");
        UI.getCurrent().navigate("clerk/settlements");
        Grid<SettlementSummary> list = grid("settlements");
        assertThat(rows(list)).anySatisfy(r -> assertThat(r).contains("UI-1")).anySatisfy(r -> assertThat(r).contains("UI-2"));
        assertThat(rows(list)).allSatisfy(r -> assertThat(r).doesNotContain(YU_YULAN)); // masked
        _setValue(_get(TextField.class, spec -> spec.withId("settlement-id-number")), YU_PING);
        _click(_get(Button.class, spec -> spec.withId("settlement-query")));
        assertThat(rows(list)).singleElement().satisfies(r -> assertThat(r).contains("UI-2"));
        // a bad ID number: the message at the query, in Chinese with the English beside it
        _setValue(_get(TextField.class, spec -> spec.withId("settlement-id-number")), "350212200511286324");
        _click(_get(Button.class, spec -> spec.withId("settlement-query")));
        assertThat(_get(Span.class, spec -> spec.withId("settlement-error")).getText()).isNotBlank();

        clerk("cy-settlement-clerk", "110105");
        UI.getCurrent().navigate("settlements/" + HOSPITAL + "/UI-1");
        _get(Paragraph.class, spec -> spec.withId("settlement-not-found"));
    }

    @Test
    void anOfficerReconcilesTheDayAndSeesTheMismatches() {
        login(Realm.PROVINCIAL, "bj-clearing", null, List.of("province-110000"), List.of("clearing"));
        UI.getCurrent().navigate("provincial/reconciliation");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("跨省异地就医日对账");
        _setValue(_get(DatePicker.class, spec -> spec.withId("reconciliation-date")), day);
        _click(_get(Button.class, spec -> spec.withId("reconciliation-query")));
        Grid<Reconciliation.Pair> pairs = grid("reconciliation-pairs");
        assertThat(rows(pairs)).anySatisfy(r -> assertThat(r).startsWith("北京市 | 福建省 | 0 | 0.00 | 0.00 | ").contains("不符"));
        // the hospital sent no ledger of the day: both settlements are listed as such
        Grid<Reconciliation.Mismatch> mismatches = grid("reconciliation-mismatches");
        assertThat(rows(mismatches)).anySatisfy(r -> assertThat(r).contains("UI-1", "医院未报送当日对账单"))
                .anySatisfy(r -> assertThat(r).contains("UI-2", "医院未报送当日对账单"));
        assertThat(_get(Span.class, spec -> spec.withId("reconciliation-summary")).getText()).contains("不符");
        assertThat(_get(Anchor.class, spec -> spec.withId("reconciliation-export")).isVisible()).isTrue();

        // an insured person does not reach the screen
        insured("ui-" + YU_YULAN, YU_YULAN);
        UI.getCurrent().navigate("provincial/reconciliation");
        assertThat(UI.getCurrent().getChildren().anyMatch(c -> c instanceof ReconciliationView)).isFalse();
    }
}
