package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** 我的备案 shows what the person cares about (issue 18): requests under review, the return reason, 撤回申请. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MyFilingsListUiTest extends KaribuSpringSupport {

    static final String ZHAOJIAHAO = "110105194809300616"; // 赵家豪, 北京朝阳 110105, 快速备案
    static final String XUSIQI = "110105194911249685";     // 徐思琪, 北京朝阳 110105, 快速备案
    static final String ZHOUHUI = "11010520071109674X";    // 周慧, 北京朝阳 110105, 快速备案

    @Autowired
    FilingManagement filings;
    @Autowired
    FilingCancellations cancellations;
    @Autowired
    TaskService tasks;

    private static FilingApplication application(String person, LocalDate start) {
        return new FilingApplication(person, "110105", "440300", InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, start,
                start.plusDays(20), "联系人", "13900000000", "演示路 9 号", null, false, false, false, true, true, List.of());
    }

    private static AppUser reviewer() {
        return new AppUser(Realm.CLERKS, "probe", "probe", Set.of("CLERK", "REVIEWER"), List.of("area-110105"), "110105");
    }

    private String taskOf(Filing f) {
        return tasks.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult().getId();
    }

    /** The row's cell of the 快速备案 tab. */
    @SuppressWarnings("unchecked")
    private static Component cell(Filing f, String column) {
        Grid<Filing> quick = _get(Grid.class, spec -> spec.withId("filings-national-app-quick"));
        List<UUID> ids = quick.getGenericDataView().getItems().map(Filing::id).toList();
        assertThat(ids).contains(f.id());
        return (Component) GridKt._getCellComponent(quick, ids.indexOf(f.id()), column);
    }

    private static String text(Component parent, String id) {
        return ((HasText) _get(parent, Component.class, spec -> spec.withId(id))).getText();
    }

    private static boolean present(Component parent, String id) {
        return !_find(parent, Component.class, spec -> spec.withId(id)).isEmpty();
    }

    @Test
    void aPendingCancellationIsShownBesideTheStatus() {
        AppUser user = insured("lists-ui-zhaojiahao", ZHAOJIAHAO);
        Filing submitted = filings.submit(user, application(ZHAOJIAHAO, LocalDate.of(2038, 2, 1)), UUID.randomUUID().toString());
        Filing f = filings.approve(reviewer(), taskOf(submitted));
        cancellations.request(user, f.id());

        insured("lists-ui-zhaojiahao", ZHAOJIAHAO); // a fresh UI: the first one opened 我的备案 before the filing
        UI.getCurrent().navigate("insured");
        Component status = cell(f, "status");
        // the status has not changed yet: 备案成功, and beside it the request under review
        assertThat(text(status, "status-" + f.applicationSerial())).isEqualTo("备案成功");
        assertThat(text(status, "pending-cancellation-" + f.applicationSerial())).isEqualTo("取消审核中");
        assertThat(present(status, "reason-" + f.applicationSerial())).isFalse();

        insured("lists-ui-zhaojiahao", ZHAOJIAHAO);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("insured");
        Component english = cell(f, "status");
        assertThat(text(english, "status-" + f.applicationSerial())).isEqualTo("Filed");
        assertThat(text(english, "pending-cancellation-" + f.applicationSerial())).isEqualTo("Cancellation under review");
    }

    @Test
    void aReturnedRowShowsItsReasonCutWithTheWholeTextInItsTitle() {
        AppUser user = insured("lists-ui-xusiqi", XUSIQI);
        Filing f = filings.submit(user, application(XUSIQI, LocalDate.of(2038, 3, 1)), UUID.randomUUID().toString());
        String reason = "请上传加盖公章的异地长期居住证明，并补充就医地详细地址和联系电话";
        filings.returnForCorrection(reviewer(), taskOf(f), reason);

        insured("lists-ui-xusiqi", XUSIQI);
        UI.getCurrent().navigate("insured");
        Component status = cell(f, "status");
        assertThat(text(status, "status-" + f.applicationSerial())).isEqualTo("备案失败");
        Span why = _get(status, Span.class, spec -> spec.withId("reason-" + f.applicationSerial()));
        assertThat(why.getText()).isEqualTo("退回原因：" + reason.substring(0, MyFilingsView.REASON_LENGTH) + "…");
        assertThat(why.getTitle()).contains(reason);
        assertThat(present(status, "pending-cancellation-" + f.applicationSerial())).isFalse();

        insured("lists-ui-xusiqi", XUSIQI);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("insured");
        assertThat(_get(cell(f, "status"), Span.class, spec -> spec.withId("reason-" + f.applicationSerial())).getText())
                .startsWith("Reason: 请上传");
    }

    @Test
    void anApplicationInProgressIsWithdrawnThroughItsConfirmation() {
        AppUser user = insured("lists-ui-zhouhui", ZHOUHUI);
        Filing f = filings.submit(user, application(ZHOUHUI, LocalDate.of(2038, 4, 1)), UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.SUBMITTED);

        insured("lists-ui-zhouhui", ZHOUHUI);
        UI.getCurrent().navigate("insured");
        assertThat(text(cell(f, "status"), "status-" + f.applicationSerial())).isEqualTo("申办中");
        // dismissing the confirmation changes nothing
        _click(_get(cell(f, "actions"), Button.class, spec -> spec.withId("withdraw-" + f.applicationSerial())));
        assertThat(_get(Dialog.class, spec -> spec.withId("withdraw-dialog")).isOpened()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("withdraw-dismiss")));
        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.SUBMITTED);

        _click(_get(cell(f, "actions"), Button.class, spec -> spec.withId("withdraw-" + f.applicationSerial())));
        assertThat(((HasText) _get(Component.class, spec -> spec.withId("withdraw-text"))).getText()).contains(f.applicationSerial());
        _click(_get(Button.class, spec -> spec.withId("withdraw-confirm")));

        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(tasks.createTaskQuery().processInstanceId(f.processInstanceId()).count()).isZero();
        // the list shows the closed row at once, without 撤回申请
        assertThat(text(cell(f, "status"), "status-" + f.applicationSerial())).isEqualTo("已关闭");
        assertThat(present(cell(f, "actions"), "withdraw-" + f.applicationSerial())).isFalse();
    }
}
