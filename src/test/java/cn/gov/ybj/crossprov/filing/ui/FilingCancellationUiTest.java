package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.cancellation.Cancellation;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.workflow.ui.TaskInboxView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** 取消备案 screens in a browserless Vaadin on the real services and the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingCancellationUiTest extends KaribuSpringSupport {

    static final String YANGYAJING = "350212200011203325"; // 杨雅静, 厦门 350200, 自助备案
    static final String YANYULAN = "110105194108147903";   // 闫玉兰, 北京朝阳 110105, 快速备案
    static final String WANSHIHAN = "110105194209025163"; // 万诗涵, 北京朝阳 110105, 快速备案

    @Autowired
    FilingManagement filings;

    @Autowired
    FilingCancellations cancellations;
    @Autowired
    TaskService tasks;

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    private static boolean present(String id) {
        return !_find(Component.class, spec -> spec.withId(id)).isEmpty();
    }

    private static FilingApplication application(String person, String area, String treatment, LocalDate start) {
        return new FilingApplication(person, area, treatment, InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, start,
                start.plusDays(20), "联系人", "13900000000", "演示路 9 号", null, false, false, false, true, true, List.of());
    }

    private static AppUser clerkUser(String area) {
        return new AppUser(Realm.CLERKS, "probe", "probe", Set.of("CLERK", "REVIEWER"), List.of("area-" + area), area);
    }

    private Filing openedQuick(AppUser person, String id, LocalDate start) {
        Filing f = filings.submit(person, application(id, "110105", "440300", start), UUID.randomUUID().toString());
        return filings.approve(clerkUser("110105"), tasks.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult().getId());
    }

    @Test
    void selfServiceFilingIsClosedAtOnceFromTheConfirmationPage() {
        AppUser user = insured("cancel-ui-yangyajing", YANGYAJING);
        Filing f = filings.submit(user, application(YANGYAJING, "350200", "110000", LocalDate.of(2037, 1, 4)), UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);

        UI.getCurrent().navigate("insured/filing/" + f.id() + "/cancel");
        assertThat(text("cancel-serial")).isEqualTo(f.applicationSerial());
        assertThat(text("cancel-filing-status")).isEqualTo("已开通");
        assertThat(present("cancel-self-note")).isTrue();
        assertThat(present("cancel-review-note")).isFalse();
        _click(_get(Button.class, spec -> spec.withId("cancel-confirm")));

        assertThat(text("cancel-result-status")).isEqualTo("已关闭");
        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.CLOSED);
        _click(_get(Button.class, spec -> spec.withId("cancel-to-records")));
        _get(MyFilingsView.class);

        // the details show the request; a second attempt is told the filing is closed
        UI.getCurrent().navigate("insured/filing/" + f.id());
        assertThat(text("detail-status")).isEqualTo("已关闭");
        @SuppressWarnings("unchecked")
        Grid<Cancellation> grid = _get(Grid.class, spec -> spec.withId("cancellations"));
        assertThat(grid.getGenericDataView().getItems().map(Cancellation::status)).containsExactly(Cancellation.Status.APPROVED);
        UI.getCurrent().navigate("insured/filing/" + f.id() + "/cancel");
        _click(_get(Button.class, spec -> spec.withId("cancel-confirm")));
        assertThat(text("cancel-error")).isEqualTo("该备案已关闭，无需再次取消");
        assertThat(present("cancel-result")).isFalse();
    }

    @Test
    void quickFilingWaitsForReviewASecondAttemptIsRefusedAndTheClerkApproves() {
        AppUser user = insured("cancel-ui-yanyulan", YANYULAN);
        Filing f = openedQuick(user, YANYULAN, LocalDate.of(2037, 2, 1));

        UI.getCurrent().navigate("insured/filing/" + f.id() + "/cancel");
        assertThat(text("cancel-review-note")).isEqualTo("需要等待审核，预计2-3个工作日");
        _click(_get(Button.class, spec -> spec.withId("cancel-confirm")));
        assertThat(text("cancel-result-status")).isEqualTo("审核中");
        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.OPENED);

        // 004: the row's 取消备案 answers at the click and stays on the list
        UI.getCurrent().navigate("insured");
        @SuppressWarnings("unchecked")
        Grid<Filing> quick = _get(Grid.class, spec -> spec.withId("filings-national-app-quick"));
        int row = java.util.stream.IntStream.range(0, com.github.mvysny.kaributesting.v10.GridKt._size(quick))
                .filter(i -> com.github.mvysny.kaributesting.v10.GridKt._get(quick, i).id().equals(f.id())).findFirst().orElseThrow();
        _click(_get((com.vaadin.flow.component.Component) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(quick, row, "actions"),
                Button.class, spec -> spec.withId("cancel-" + f.applicationSerial())));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("此备案存在未审核通过的撤销申请，不支持再次申请");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("insured");
        UI.getCurrent().navigate("insured/filing/" + f.id() + "/cancel");
        _click(_get(Button.class, spec -> spec.withId("cancel-confirm")));
        assertThat(text("cancel-error")).isEqualTo("此备案存在未审核通过的撤销申请，不支持再次申请");
        assertThat(present("cancel-result")).isFalse();
        assertThat(cancellations.ofFiling(user, f.id())).hasSize(1);

        Cancellation request = cancellations.ofFiling(user, f.id()).get(0);
        String taskId = tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getId();

        // another area's clerk sees nothing
        clerk("xm-clerk", "350200");
        UI.getCurrent().navigate("clerk/cancellation-review/" + taskId);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");

        clerk("cy-reviewer", "110105");
        UI.getCurrent().navigate("clerk/cancellation-review/" + taskId);
        assertThat(text("detail-serial")).isEqualTo(f.applicationSerial());
        assertThat(text("cancellation-requested-at")).isNotBlank();
        // a pending request: no counter button on the review screen
        assertThat(present("counter-cancel")).isFalse();
        CancellationReviewView review = _get(CancellationReviewView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("form-decision"));
        _setValue(decision, "REFUSE");
        assertThat(review.form().field("refuseReason").isEmpty()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(text("form-error")).isEqualTo("不予通过时请填写原因");
        _setValue(decision, "APPROVE");
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        _get(TaskInboxView.class);
        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(cancellations.ofFiling(user, f.id())).singleElement().extracting(Cancellation::status)
                .isEqualTo(Cancellation.Status.APPROVED);
    }

    @Test
    void counterClerkClosesAnOpenedFilingOfTheAreaFromTheDetailsPage() {
        AppUser user = insured("cancel-ui-wanshihan", WANSHIHAN);
        Filing f = openedQuick(user, WANSHIHAN, LocalDate.of(2037, 3, 1));

        clerk("xm-counter", "350200");
        UI.getCurrent().navigate("clerk/filing/" + f.id());
        assertThat(present("counter-cancel")).isFalse();

        clerk("cy-counter", "110105");
        UI.getCurrent().navigate("clerk/filing/" + f.id());
        _click(_get(Button.class, spec -> spec.withId("counter-cancel")));
        _click(_get(Button.class, spec -> spec.withId("counter-cancel-confirm")));

        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(cancellations.ofFiling(user, f.id())).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(Cancellation.Via.COUNTER);
            assertThat(c.status()).isEqualTo(Cancellation.Status.APPROVED);
        });
        assertThat(text("detail-status")).isEqualTo("已关闭");
        assertThat(present("counter-cancel")).isFalse();
        // the clerk sees the national registry's state of each reportable step: the closure waits or has its receipt
        @SuppressWarnings("unchecked")
        Grid<Filing.Event> history = _get(Grid.class, spec -> spec.withId("history"));
        List<Filing.Event> events = history.getGenericDataView().getItems().toList();
        Filing.Event closure = events.get(events.size() - 1);
        assertThat(closure.status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(GridKt._getFormattedRow(history, events.size() - 1))
                .anySatisfy(cell -> assertThat(cell).matches("待上报|已上报（回执 NR\\d+）"));
        assertThat(GridKt._getFormattedRow(history, 0)).noneSatisfy(cell -> assertThat(cell).contains("上报"));
    }
}
