package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.identity.Realm;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The menu is what the modules contribute ({@code @Menu} on their screens, {@link MenuLinks}
 * beans), filtered by the screens' access annotations: per realm and role, the same entries in
 * the same order as when {@link MainLayout} listed them itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MainLayoutMenuTest extends KaribuSpringSupport {

    @Test
    void insuredPersonsSeeTheirScreensWithTheTransferOnes() {
        insured("chenjing", "350203196209151238");
        UI.getCurrent().navigate("insured");
        assertThat(menu()).containsExactly(
                "我的备案 → insured", "办理备案 → insured/filing/new", "门诊慢特病医疗机构选择 → insured/chronic", "办件进度 → insured/progress",
                "参保信息 → insured/record", "家庭成员 → insured/family", "实名认证 → insured/binding",
                "职工医疗保险关系转出申请 → insured/transfer-out", "职工医疗保险关系异地转入申请 → insured/transfer-in",
                "医疗转移接续办理进度查询 → insured/transfers", "打印转移接续参保凭证 → insured/transfer-certificates",
                "跨省异地就医结算信息查询 → insured/settlements");
    }

    @Test
    void aReviewerSeesTheInboxAndTheAreasTransfers() {
        login(Realm.CLERKS, "cy-reviewer", null, List.of("area-110105"), List.of("reviewer"));
        UI.getCurrent().navigate("clerk/inbox");
        assertThat(menu()).containsExactly("待办任务 → clerk/inbox", "已办任务 → clerk/handled", "备案查询 → clerk/filings", "转移接续查询 → clerk/transfers", "结算信息查询 → clerk/settlements");
    }

    @Test
    void counterClerksSeeTheCounterScreensToo() {
        login(Realm.CLERKS, "xm-counter", null, List.of("area-350200"), List.of("counter"));
        UI.getCurrent().navigate("clerk/inbox");
        assertThat(menu()).containsExactly("待办任务 → clerk/inbox", "已办任务 → clerk/handled", "备案查询 → clerk/filings", "窗口备案 → clerk/counter-filing", "窗口实名认证 → clerk/binding",
                "转移接续查询 → clerk/transfers", "结算信息查询 → clerk/settlements");
    }

    @Test
    void processAdminsSeeTheAdministrationAndCockpit() {
        login(Realm.CLERKS, "process-admin", null, List.of("area-110105", "process-admins"), List.of());
        UI.getCurrent().navigate("clerk/inbox");
        assertThat(menu()).containsExactly("待办任务 → clerk/inbox", "已办任务 → clerk/handled", "备案查询 → clerk/filings", "转移接续查询 → clerk/transfers", "结算信息查询 → clerk/settlements", "统筹区维护 → admin/pooling-areas",
                "定点医疗机构导入 → admin/institutions/import", "待遇政策维护 → admin/settlement-policies", "流程监控 (Cockpit) → camunda/app/cockpit/ (router-ignore)");

        // the titles are translation keys: the menu follows the language switch (which reloads the page)
        login(Realm.CLERKS, "process-admin", null, List.of("area-110105", "process-admins"), List.of("counter"));
        UI.getCurrent().navigate("clerk/inbox");
        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        UI.getCurrent().navigate("admin/pooling-areas");
        assertThat(menu()).containsExactly("Task inbox → clerk/inbox", "Handled tasks → clerk/handled", "Find filings → clerk/filings", "Counter filing → clerk/counter-filing",
                "Counter binding → clerk/binding", "Transfers of my area → clerk/transfers", "Settlements → clerk/settlements", "Pooling areas → admin/pooling-areas",
                "Import institutions → admin/institutions/import", "Settlement policies → admin/settlement-policies", "Process monitoring (Cockpit) → camunda/app/cockpit/ (router-ignore)");
    }

    @Test
    void provincialOfficersSeeClearing() {
        login(Realm.PROVINCIAL, "bj-clearing", null, List.of("province-110000"), List.of("clearing"));
        UI.getCurrent().navigate("provincial");
        assertThat(menu()).containsExactly("清算与预付金 → provincial", "预付金 → provincial/prepayment", "日对账 → provincial/reconciliation");
    }

    private static List<String> menu() {
        return _get(SideNav.class, spec -> spec.withId("nav")).getItems().stream().map(MainLayoutMenuTest::entry).toList();
    }

    private static String entry(SideNavItem item) {
        return item.getLabel() + " → " + item.getPath() + (item.isRouterIgnore() ? " (router-ignore)" : "");
    }
}
