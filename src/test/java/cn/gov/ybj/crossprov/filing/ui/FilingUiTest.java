package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import com.github.mvysny.kaributesting.v10.GridKt;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.ui.TaskInboxView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.provider.Query;
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

/** The filing screens in a browserless Vaadin on the real services and the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingUiTest extends KaribuSpringSupport {

    static final String CHENJING = "350203196209151238"; // 厦门 350200, 自助备案
    static final String ZHANGWEI = "110105195803120029"; // 北京朝阳 110105, 快速备案

    @Autowired
    FilingManagement filings;
    @Autowired
    Divisions divisions;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    cn.gov.ybj.crossprov.reference.PoolingAreas poolingAreas;

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    private static boolean visible(String id) {
        Component c = _find(Component.class, spec -> spec.withId(id)).stream().findFirst().orElse(null);
        if (c == null) {
            return false;
        }
        for (Component p = c; p != null; p = p.getParent().orElse(null)) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void selfServiceHappyPathOpensAtOnceAndShowsTheResultScreen() {
        AppUser user = insured("chenjing", CHENJING);
        UI.getCurrent().navigate("insured/filing/new");
        FilingWizardView wizard = _get(FilingWizardView.class);
        assertThat(visible("step-choose")).isTrue();
        assertThat(text("insured-area")).contains("厦门市").contains("350200");
        assertThat(text("review-mode-hint")).isEqualTo("自动审核 即时生效");
        assertThat(wizard.insuranceType.getValue()).isEqualTo(InsuranceType.EMPLOYEE);

        Divisions.Division beijing = divisions.find("110000").orElseThrow();
        _setValue(wizard.province, beijing);
        assertThat(wizard.city.isVisible()).isFalse();
        _setValue(wizard.temporaryTypes, FilingType.OTHER_TEMPORARY);
        _click(wizard.startFiling);
        assertThat(visible("step-notice")).isTrue();
        assertThat(wizard.noticeContinue.isEnabled()).isFalse();
        _setValue(wizard.noticeAccepted, true);
        _click(wizard.noticeContinue);
        assertThat(visible("step-form")).isTrue();
        assertThat(wizard.contactName.getValue()).isEqualTo("陈静");
        // the start date may lie in the past
        _setValue(wizard.startDate, ChinaTime.today().minusDays(10));
        _setValue(wizard.endDate, ChinaTime.today().plusDays(20));
        _setValue(wizard.contactPhone, "13800000000");
        _setValue(wizard.contactAddress, "北京市朝阳区演示路1号");
        _click(wizard.formContinue);
        assertThat(visible("step-commitment")).isTrue();
        _setValue(wizard.commitmentAccepted, true);
        _click(wizard.submit);
        // a second click with the same wizard creates nothing new
        wizard.submit();

        assertThat(visible("step-result")).as(wizard.formError.getText()).isTrue();
        assertThat(text("result-status")).isEqualTo("跨省异地就医自助备案开通成功");
        assertThat(text("result-filing-number")).isNotBlank();
        String serial = text("result-serial");
        List<Filing> mine = filings.mine(user).stream().filter(f -> f.applicationSerial().equals(serial)).toList();
        assertThat(mine).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
            assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_SELF_SERVICE);
            assertThat(f.startDate()).isEqualTo(ChinaTime.today().minusDays(10));
        });
        assertThat(filings.mine(user).stream().filter(f -> f.startDate().equals(ChinaTime.today().minusDays(10)))).hasSize(1);

        // 我的备案: the filing is in the 自助开通 tab under 已开通, with 查看详情 only
        UI.getCurrent().navigate("insured");
        _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withId("filing-tabs")).setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        Grid<Filing> self = _get(Grid.class, spec -> spec.withId("filings-national-app-self-service"));
        assertThat(self.getGenericDataView().getItems().map(Filing::applicationSerial)).contains(serial);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<FilingActions.StatusFilter> filter = _get(RadioButtonGroup.class, spec -> spec.withId("status-filter-national-app-self-service"));
        _setValue(filter, FilingActions.StatusFilter.FAILED);
        assertThat(self.getGenericDataView().getItems().map(Filing::applicationSerial)).doesNotContain(serial);

        UI.getCurrent().navigate("insured/filing/" + mine.get(0).id());
        assertThat(text("detail-serial")).isEqualTo(serial);
        // the owner prints both papers of the opened filing from its details
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("registration-form")).getHref()).isNotBlank();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("filing-receipt")).getText())
                .isEqualTo("打印备案回执");
    }

    @Test
    void emergencyTellsThePersonItCountsAsFiledAndStartsNothing() {
        AppUser user = insured("chenjing", CHENJING);
        int before = filings.mine(user).size();
        UI.getCurrent().navigate("insured/filing/new");
        FilingWizardView wizard = _get(FilingWizardView.class);
        _setValue(wizard.province, divisions.find("310000").orElseThrow());
        _setValue(wizard.emergencyType, "EMERGENCY");
        assertThat(visible("emergency-message")).isTrue();
        assertThat(text("emergency-message")).isEqualTo("异地急诊抢救人员视同已备案，无需办理备案手续");
        assertThat(wizard.startFiling.isEnabled()).isFalse();
        wizard.startFiling.click();
        assertThat(visible("step-choose")).isTrue();
        assertThat(visible("step-notice")).isFalse();
        assertThat(filings.mine(user)).hasSize(before);
    }

    @Test
    void refusalsAreShownInTheUiLanguageAndTheInputIsKept() {
        insured("chenjing", CHENJING);
        UI.getCurrent().navigate("insured/filing/new");
        FilingWizardView wizard = _get(FilingWizardView.class);
        _setValue(wizard.province, divisions.find("440000").orElseThrow());
        _setValue(wizard.city, divisions.find("440100").orElseThrow());
        _setValue(wizard.temporaryTypes, FilingType.OTHER_TEMPORARY);
        _click(wizard.startFiling);
        _setValue(wizard.noticeAccepted, true);
        _click(wizard.noticeContinue);
        _setValue(wizard.startDate, ChinaTime.today().plusDays(400));
        _setValue(wizard.endDate, ChinaTime.today().plusDays(410));
        _setValue(wizard.contactPhone, "12345"); // the service's phone rule refuses it, at this step (issue 18)
        _setValue(wizard.contactAddress, "广州市演示路2号");
        _click(wizard.formContinue);
        assertThat(visible("form-error")).isTrue();
        assertThat(text("form-error")).startsWith("联系电话格式不正确");
        assertThat(wizard.contactPhone.getErrorMessage()).startsWith("联系电话格式不正确");
        assertThat(visible("step-form")).isTrue();
        assertThat(visible("step-commitment")).isFalse();
        assertThat(wizard.contactPhone.getValue()).isEqualTo("12345");
    }

    @Test
    void inboxShowsOnlyOwnAreaTasksAndTheReviewFormReturnsWithReason() {
        AppUser zhang = insured("zhangwei", ZHANGWEI);
        Filing filing = filings.submit(zhang, new FilingApplication(ZHANGWEI, "110105", "310000", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, ChinaTime.today().plusDays(500), ChinaTime.today().plusDays(520), "张伟", "13900000000",
                "上海市演示路3号", null, false, false, false, true, true, List.of()), UUID.randomUUID().toString());
        assertThat(filing.status()).isEqualTo(FilingStatus.SUBMITTED);

        String taskId = taskOf(filing, new AppUser(Realm.CLERKS, "probe", "probe", Set.of(Roles.CLERK),
                List.of("area-110105"), "110105"));

        clerk("xm-clerk", "350200");
        UI.getCurrent().navigate("clerk/inbox");
        assertThat(processes(inboxGrid())).doesNotContain(filing.processInstanceId());
        UI.getCurrent().navigate("clerk/filing-review/" + taskId);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");

        clerk("cy-reviewer", "110105");
        UI.getCurrent().navigate("clerk/inbox");
        Grid<ClerkInbox.Item> grid = inboxGrid();
        List<String> processes = processes(grid);
        assertThat(processes).contains(filing.processInstanceId());
        int row = processes.indexOf(filing.processInstanceId());
        _click(_get((Component) GridKt._getCellComponent(grid, row, "actions"), Button.class,
                spec -> spec.withId("claim-" + filing.applicationSerial())));
        _click(_get((Component) GridKt._getCellComponent(grid, row, "actions"), Button.class,
                spec -> spec.withId("work-" + filing.applicationSerial())));
        FilingReviewView review = _get(FilingReviewView.class);
        assertThat(text("detail-serial")).isEqualTo(filing.applicationSerial());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("form-decision"));
        TextArea reason = (TextArea) review.form().<String>field("returnReason");
        assertThat(reason.isVisible()).isFalse();
        _setValue(decision, "RETURN");
        assertThat(reason.isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(text("form-error")).isEqualTo("退回时请填写退回原因");
        _setValue(reason, "请上传清晰的证明材料");
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(filings.find(zhang, filing.id()).orElseThrow().status()).isEqualTo(FilingStatus.RETURNED);
        _get(TaskInboxView.class);

        // the applicant sees 修改备案 and the return reason
        insured("zhangwei", ZHANGWEI);
        UI.getCurrent().navigate("insured");
        @SuppressWarnings("unchecked")
        Grid<Filing> quick = _get(Grid.class, spec -> spec.withId("filings-national-app-quick"));
        List<Filing> rows = quick.getGenericDataView().getItems().toList();
        int index = rows.stream().map(Filing::id).toList().indexOf(filing.id());
        assertThat(rows.get(index).statusLabel()).isEqualTo("备案失败");
        _get((Component) GridKt._getCellComponent(quick, index, "actions"), Button.class,
                spec -> spec.withId("resubmit-" + filing.applicationSerial()));
        UI.getCurrent().navigate("insured/filing/" + filing.id() + "/edit");
        assertThat(text("return-reason")).contains("请上传清晰的证明材料");
        FilingResubmitView edit = _get(FilingResubmitView.class);
        assertThat(edit.contactAddress.getValue()).isEqualTo("上海市演示路3号");
        assertThat(edit.temporaryTypes.getValue()).isEqualTo(FilingType.OTHER_TEMPORARY);
        _click(edit.startFiling);
        _setValue(edit.noticeAccepted, true);
        _click(edit.noticeContinue);
        _setValue(edit.contactAddress, "上海市演示路5号");
        _click(edit.formContinue);
        _setValue(edit.commitmentAccepted, true);
        _click(edit.submit);
        assertThat(text("result-status")).as(edit.formError.getText()).isEqualTo("提交成功");
        Filing resubmitted = filings.find(zhang, filing.id()).orElseThrow();
        assertThat(resubmitted.status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(resubmitted.contactAddress()).isEqualTo("上海市演示路5号");
        assertThat(review).isNotNull();
    }

    @Test
    void anUnboundAccountIsSentToRealNameBindingAndCannotFile() {
        // the token claims a registry person; without a binding that counts for nothing
        unboundInsured("stranger", ZHANGWEI);
        UI.getCurrent().navigate("insured");
        assertThat(text("binding-status")).contains("实名认证");
        assertThat(_find(Button.class, spec -> spec.withId("new-filing"))).as("no visible button to file").isEmpty();
        UI.getCurrent().navigate("insured/filing/new");
        assertThat(text("binding-status")).contains("实名认证");
        assertThat(_find(Button.class, spec -> spec.withId("start-filing"))).isEmpty();
    }

    @Test
    void detailsOfSomeoneElsesFilingShowNothing() {
        AppUser zhang = insured("zhangwei", ZHANGWEI);
        Filing filing = filings.submit(zhang, new FilingApplication(ZHANGWEI, "110105", "500000", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, ChinaTime.today().plusDays(700), ChinaTime.today().plusDays(710), "张伟", "13900000000",
                "重庆市演示路4号", null, false, false, false, true, true, List.of()), UUID.randomUUID().toString());
        insured("chenjing", CHENJING);
        UI.getCurrent().navigate("insured/filing/" + filing.id());
        assertThat(text("not-found")).isEqualTo("备案不存在或无权查看");
        assertThat(_find(Span.class, spec -> spec.withId("detail-serial"))).isEmpty();
        assertThat(_find(Paragraph.class)).allSatisfy(p -> assertThat(p.getText()).doesNotContain("张"));
    }

    @Test
    void counterFilingForAWalkInPersonOfTheClerksArea() {
        clerk("xm-counter", "350200");
        UI.getCurrent().navigate("clerk/counter-filing");
        CounterFilingView wizard = _get(CounterFilingView.class);
        // a person insured elsewhere is refused at the lookup
        _setValue(wizard.personName, "张伟");
        _setValue(wizard.personIdNumber, ZHANGWEI);
        _click(_get(Button.class, spec -> spec.withId("lookup-person")));
        assertThat(text("form-error")).contains("不在本统筹区参保");
        assertThat(wizard.person).isNull();

        _setValue(wizard.personName, "林芳");
        _setValue(wizard.personIdNumber, "350206199001015563");
        _click(_get(Button.class, spec -> spec.withId("lookup-person")));
        assertThat(wizard.person).isNotNull();
        _setValue(wizard.province, divisions.find("120000").orElseThrow());
        _setValue(wizard.longTermTypes, FilingType.LONG_TERM_RESIDENT);
        _click(wizard.startFiling);
        _setValue(wizard.noticeAccepted, true);
        _click(wizard.noticeContinue);
        assertThat(wizard.commitmentInstead.isVisible()).isTrue();
        _setValue(wizard.startDate, ChinaTime.today().minusDays(30));
        _setValue(wizard.endDate, ChinaTime.today().plusDays(335));
        _setValue(wizard.contactPhone, "0592-5551234");
        _setValue(wizard.contactAddress, "天津市演示路6号");
        _click(wizard.formContinue);
        assertThat(text("form-error")).isEqualTo("请上传备案材料或选择以个人承诺代替材料");
        _setValue(wizard.commitmentInstead, true);
        _click(wizard.formContinue);
        _setValue(wizard.commitmentAccepted, true);
        _click(wizard.submit);
        assertThat(visible("step-result")).as(wizard.formError.getText()).isTrue();
        // confirmed on the spot (003 第八条): 附件1 to print and hand over
        assertThat(text("result-status")).isEqualTo("备案成功（经办人员即时审核确认）");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("registration-form")).getText())
                .isEqualTo("打印登记备案表（附件1）");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("filing-receipt")).getText())
                .isEqualTo("打印备案回执");
        String serial = text("result-serial");
        _click(_get(Button.class, spec -> spec.withId("view-records")));
        assertThat(text("detail-serial")).isEqualTo(serial);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("registration-form")).getHref()).isNotBlank();
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("filing-receipt")).getHref()).isNotBlank();
        assertThat(text("view-title")).isEqualTo("备案详情");
        assertThat(_get(FilingDetailView.class)).isNotNull();
    }

    private String taskOf(Filing filing, AppUser clerk) {
        return inbox.page(clerk, ClerkInbox.Filter.ALL, 0, 1000).stream()
                .filter(i -> i.processInstanceId().equals(filing.processInstanceId())).findFirst().orElseThrow().taskId();
    }

    @SuppressWarnings("unchecked")
    private static Grid<ClerkInbox.Item> inboxGrid() {
        return _get(Grid.class, spec -> spec.withId("inbox"));
    }

    private static List<String> processes(Grid<ClerkInbox.Item> grid) {
        return grid.getDataProvider().fetch(new Query<>()).map(ClerkInbox.Item::processInstanceId).toList();
    }

    @Test
    void progressListsPendingItemsAndOpensTheirTimelineForTheOwnerOnly() {
        AppUser zhangwei = insured("zhangwei", ZHANGWEI);
        Filing f = filings.submit(zhangwei, new FilingApplication("110105195607080031", "110105", "310000", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, LocalDate.of(2036, 3, 1), LocalDate.of(2036, 3, 31), "张伟", "13800138000",
                "北京市朝阳区演示路1号", null, false, false, false, true, true, List.of()), "ui-progress-1");

        UI.getCurrent().navigate("insured/progress");
        @SuppressWarnings("unchecked")
        Grid<cn.gov.ybj.crossprov.filing.CaseProgress> grid = _get(Grid.class, spec -> spec.withId("progress"));
        assertThat(grid.getGenericDataView().getItems()).anySatisfy(p -> {
            assertThat(p.processInstanceId()).isEqualTo(f.processInstanceId());
            assertThat(p.state()).isEqualTo("申办中");
            assertThat(GridKt._getFormattedRow(grid, grid.getGenericDataView().getItems().toList().indexOf(p))).contains("李**");
        });

        UI.getCurrent().navigate("insured/progress/" + f.processInstanceId());
        assertThat(text("progress-item")).contains("异地就医备案", f.applicationSerial(), "申办中");
        List<Component> current = _find(Component.class, spec -> spec.withAttribute("aria-current", "step"));
        assertThat(current).singleElement().satisfies(c -> assertThat(c.getElement().getTextRecursively()).startsWith("经办机构审核"));
        // the review in hand: the agency's phone and the review task's due date, in the applicant's words
        java.util.Date due = taskService.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult().getDueDate();
        assertThat(text("current-phone")).isEqualTo("联系电话：" + poolingAreas.find("110105").orElseThrow().agencyPhone());
        assertThat(text("current-due")).contains(java.time.LocalDate.ofInstant(due.toInstant(), cn.gov.ybj.crossprov.shared.ChinaTime.ZONE).toString());
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("timeline")).getElement().getTextRecursively())
                .startsWith("提交申请").doesNotContain("确定审核方式", "转人工审核", "校验参保状态");

        insured("linfang", "350206199001015563");
        UI.getCurrent().navigate("insured/progress/" + f.processInstanceId());
        assertThat(_find(Component.class, spec -> spec.withId("not-found"))).hasSize(1);
        assertThat(_find(Component.class, spec -> spec.withId("timeline"))).isEmpty();
    }
}
