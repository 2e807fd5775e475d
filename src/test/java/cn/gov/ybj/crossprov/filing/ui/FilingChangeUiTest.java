package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.change.FilingChanges;
import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The 信息变更 screens in a browserless Vaadin on the real services and the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingChangeUiTest extends KaribuSpringSupport {

    static final String MAO = "350206195612230328";   // 毛桂英, 厦门 350200, 自助备案

    @Autowired
    FilingManagement filings;

    @Autowired
    FilingChanges filingChanges;
    @Autowired
    ClerkInbox inbox;

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    private static FilingApplication application(String person, String area, String treatment, LocalDate start, LocalDate end) {
        return new FilingApplication(person, area, treatment, InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, start, end,
                "联系人", "13800138000", "示例路 1 号", null, false, false, false, true, true, List.of());
    }

    private FilingChangeView openChangeView(Filing f) {
        UI.getCurrent().navigate("insured/filing/" + f.id() + "/change");
        FilingChangeView view = _get(FilingChangeView.class);
        assertThat(view.stepNotice.isVisible()).isTrue();
        assertThat(text("change-notice-text")).isEqualTo(FilingManagement.noticeText());
        assertThat(view.noticeAccepted.getLabel()).isEqualTo("本人已仔细阅读备案告知书");
        assertThat(view.noticeContinue.getText()).isEqualTo("我已阅读，开始变更");
        assertThat(view.noticeContinue.isEnabled()).isFalse();
        _setValue(view.noticeAccepted, true);
        _click(view.noticeContinue);
        assertThat(view.stepForm.isVisible()).isTrue();
        return view;
    }

    @Test
    void selfServiceChangeAppliesAndShowsTheNewValues() {
        AppUser user = insured("chg-mao", MAO);
        Filing f = filings.submit(user, application(MAO, "350200", "110000", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 3, 31)),
                UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        FilingChangeView view = openChangeView(f);
        // prefilled with the current values; no institution on this filing
        assertThat(view.form.<LocalDate>field("endDate").getValue()).isEqualTo(LocalDate.of(2030, 3, 31));
        assertThat(view.form.<String>field("contactPhone").getValue()).isEqualTo("13800138000");
        assertThat(view.form.fields().get("institutionCode").component().isVisible()).isFalse();
        assertThat(text("change-hint")).isEqualTo("①备案信息变更目前支持备案起止时间和联系人信息修改; ②同个备案支持多次信息变更");
        assertThat(view.submit.getText()).isEqualTo("立即变更");

        _setValue(view.form.<LocalDate>field("endDate"), LocalDate.of(2030, 6, 30));
        _setValue(view.form.<String>field("contactName"), "毛女士");
        _click(_get(Button.class, spec -> spec.withId("change-submit")));

        assertThat(view.stepResult.isVisible()).as(view.error.getText()).isTrue();
        assertThat(text("change-result-title")).isEqualTo("信息变更成功");
        assertThat(text("change-result-period")).isEqualTo("2030-01-01 ~ 2030-06-30");
        assertThat(text("change-result-contact")).isEqualTo("毛女士");
        assertThat(text("change-result-hint")).contains("②同个备案支持多次信息变更");
        assertThat(filings.find(user, f.id()).orElseThrow().endDate()).isEqualTo(LocalDate.of(2030, 6, 30));

        // the details page shows the change history
        UI.getCurrent().navigate("insured/filing/" + f.id());
        @SuppressWarnings("unchecked")
        Grid<FilingChangeRecord> history = _get(Grid.class, spec -> spec.withId("change-history"));
        assertThat(history.getGenericDataView().getItems().toList()).singleElement().satisfies(c -> {
            assertThat(c.version()).isEqualTo(1);
            assertThat(c.summary()).contains("结束日期：2030-03-31 → 2030-06-30", "联系人：联系人 → 毛女士");
        });
    }

    @Test
    void refusalsAreShownAndChangeNothing() {
        AppUser user = insured("chg-mao", MAO);
        Filing f = filings.submit(user, application(MAO, "350200", "310000", LocalDate.of(2030, 8, 1), LocalDate.of(2030, 8, 31)),
                UUID.randomUUID().toString());
        FilingChangeView view = openChangeView(f);
        _click(view.submit);
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).contains("未修改任何信息");
        assertThat(view.stepResult.isVisible()).isFalse();

        _setValue(view.form.<String>field("contactPhone"), "12345");
        _click(view.submit);
        assertThat(view.error.getText()).contains("联系电话格式不正确");
        assertThat(filingChanges.history(user, f.id())).isEmpty();
    }

    @Test
    void aPhoneChangeGoesToReviewAndTheClerkApprovesOnTheReviewScreen() {
        AppUser user = insured("chg-mao", MAO);
        Filing f = filings.submit(user, application(MAO, "350200", "440100", LocalDate.of(2030, 10, 1),
                LocalDate.of(2030, 12, 31)), UUID.randomUUID().toString());

        insured("chg-mao", MAO);
        FilingChangeView view = openChangeView(f);
        _setValue(view.form.<String>field("contactPhone"), "13955556666");
        _click(view.submit);
        assertThat(text("change-result-title")).isEqualTo("已提交审核，预计2个工作日");
        assertThat(text("change-result-phone")).isEqualTo("13800138000");

        AppUser clerk = clerk("xm-reviewer", "350200");
        String task = inbox.page(clerk, new ClerkInbox.Filter("Task_ReviewChange", null, null, false), 0, 1000).stream()
                .filter(t -> filingChanges.forReviewTask(clerk, t.taskId()).map(c -> c.filingId().equals(f.id())).orElse(false))
                .findFirst().orElseThrow().taskId();
        UI.getCurrent().navigate("clerk/change-review/" + task);
        @SuppressWarnings("unchecked")
        Grid<FilingChangeRecord.FieldChange> diff = _get(Grid.class, spec -> spec.withId("change-diff"));
        assertThat(diff.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(c -> assertThat(c.before() + "→" + c.after()).isEqualTo("13800138000→13955556666"));
        FilingChangeReviewView review = _get(FilingChangeReviewView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = (RadioButtonGroup<String>) review.form().<String>field("decision");
        _setValue(decision, "REFUSE");
        _setValue((TextArea) review.form().<String>field("refuseReason"), "电话无法接通");
        _click(_get(Button.class, spec -> spec.withId("review-submit")));

        assertThat(filingChanges.history(clerk, f.id())).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(FilingChangeRecord.Status.REFUSED);
            assertThat(c.reason()).isEqualTo("电话无法接通");
        });
        assertThat(filings.find(clerk, f.id()).orElseThrow().contactPhone()).isEqualTo("13800138000");
        assertThat(_find(Component.class, spec -> spec.withId("form-error"))).allSatisfy(c -> assertThat(c.isVisible()).isFalse());
    }
}
