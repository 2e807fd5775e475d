package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.Divisions;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 1: each check is made at the wizard's step that can make it and shown at its field; a refused
 * upload is listed as refused and can be removed; banners and toasts go when their cause is fixed; 修改备案 lists the
 * materials on the filing, each removable with the resubmission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingStepChecksUiTest extends KaribuSpringSupport {

    // persons of 北京朝阳 110105 (快速备案: a filing waits for review) used by no other test
    static final String SUNPENG = "110105194301049678";
    static final String LIUHAO = "110105194310217258";
    static final String FENGBO = "110105194007105499";
    static final String SHIXIAODONG = "110105194402047196";

    @Autowired
    FilingManagement filings;
    @Autowired
    Divisions divisions;
    @Autowired
    TaskService tasks;

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    private static boolean visible(String id) {
        Component c = _find(Component.class, spec -> spec.withId(id)).stream().findFirst().orElse(null);
        for (Component p = c; p != null; p = p.getParent().orElse(null)) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return c != null;
    }

    private static List<Notification> openToasts() {
        return NotificationsKt.getNotifications().stream().filter(Notification::isOpened).toList();
    }

    private static FilingApplication application(String person, LocalDate start, LocalDate end, List<FilingApplication.Material> materials) {
        return new FilingApplication(person, "110105", "310000", InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, start, end,
                "联系人", "13900000000", "上海市演示路 8 号", null, false, false, false, true, true, materials);
    }

    /** Through 选择 and 告知书 to the form step, destination 上海. */
    private static void toForm(FilingWizard wizard, Divisions divisions, FilingType type) {
        _setValue(wizard.province, divisions.find("310000").orElseThrow());
        _setValue(type.longTerm() ? wizard.longTermTypes : wizard.temporaryTypes, type);
        _click(wizard.startFiling);
        _setValue(wizard.noticeAccepted, true);
        _click(wizard.noticeContinue);
        assertThat(visible("step-form")).as(wizard.formError.getText()).isTrue();
    }

    @Test
    void anOverlappingPeriodAndABadPhoneAreRefusedAtTheirStepAndTheBannerGoesWhenTheyAreFixed() {
        AppUser user = insured("steps-sunpeng", SUNPENG);
        LocalDate start = ChinaTime.today().plusDays(3000);
        Filing existing = filings.submit(user, application(SUNPENG, start, start.plusDays(20), List.of()), UUID.randomUUID().toString());
        assertThat(existing.status()).isEqualTo(FilingStatus.SUBMITTED);

        insured("steps-sunpeng", SUNPENG);
        UI.getCurrent().navigate("insured/filing/new");
        FilingWizardView wizard = _get(FilingWizardView.class);
        toForm(wizard, divisions, FilingType.OTHER_TEMPORARY);
        _setValue(wizard.startDate, start.plusDays(10));
        _setValue(wizard.endDate, start.plusDays(30));
        _setValue(wizard.contactPhone, "12345");
        _setValue(wizard.contactAddress, "上海市演示路 1 号");
        _click(wizard.formContinue);

        // refused here, before 承诺书, each at its field; the wizard stays on the step
        assertThat(visible("step-form")).isTrue();
        assertThat(visible("step-commitment")).isFalse();
        assertThat(wizard.startDate.isInvalid()).isTrue();
        assertThat(wizard.startDate.getErrorMessage()).contains("重叠").contains(existing.applicationSerial());
        assertThat(wizard.endDate.isInvalid()).isTrue();
        assertThat(wizard.contactPhone.isInvalid()).isTrue();
        assertThat(wizard.contactPhone.getErrorMessage()).startsWith("联系电话格式不正确");
        assertThat(visible("form-error")).isTrue();
        assertThat(text("form-error")).contains("重叠");
        assertThat(openToasts()).hasSize(1);

        // the phone fixed: its error goes; the banner about the period stays
        _setValue(wizard.contactPhone, "13800000000");
        assertThat(wizard.contactPhone.isInvalid()).isFalse();
        assertThat(visible("form-error")).isTrue();
        _click(wizard.formContinue);
        assertThat(visible("step-form")).isTrue();
        assertThat(wizard.contactPhone.isInvalid()).isFalse();

        // the period fixed: banner and toast go, and the wizard moves on
        _setValue(wizard.startDate, start.plusDays(21));
        _setValue(wizard.endDate, start.plusDays(40));
        assertThat(visible("form-error")).isFalse();
        assertThat(openToasts()).isEmpty();
        assertThat(wizard.startDate.isInvalid()).isFalse();
        _click(wizard.formContinue);
        assertThat(visible("step-commitment")).as(wizard.formError.getText()).isTrue();
        _setValue(wizard.commitmentAccepted, true);
        _click(wizard.submit);
        assertThat(text("result-status")).as(wizard.formError.getText()).isEqualTo("提交成功");
        assertThat(filings.mine(user)).filteredOn(f -> f.startDate().equals(start.plusDays(21))).hasSize(1);
    }

    @Test
    void theFieldMessagesFollowTheUiLanguage() {
        insured("steps-sunpeng", SUNPENG);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("insured/filing/new");
        FilingWizardView wizard = _get(FilingWizardView.class);
        toForm(wizard, divisions, FilingType.OTHER_TEMPORARY);
        _setValue(wizard.endDate, ChinaTime.today().plusDays(5));
        _setValue(wizard.contactPhone, "abc");
        _setValue(wizard.contactAddress, "Shanghai");
        _click(wizard.formContinue);
        assertThat(wizard.contactPhone.getErrorMessage()).startsWith("The phone number is not valid");
        assertThat(visible("step-form")).isTrue();
    }

    @Test
    void aFakePdfIsRefusedAtUploadAndCanBeRemovedThenTheFilingGoesThroughWithTheGoodFile() {
        AppUser user = insured("steps-liuhao", LIUHAO);
        UI.getCurrent().navigate("insured/filing/new");
        FilingWizardView wizard = _get(FilingWizardView.class);
        toForm(wizard, divisions, FilingType.LONG_TERM_RESIDENT);
        LocalDate start = ChinaTime.today().plusDays(3100);
        _setValue(wizard.startDate, start);
        _setValue(wizard.endDate, start.plusDays(100));
        _setValue(wizard.contactPhone, "13800000000");
        _setValue(wizard.contactAddress, "上海市演示路 2 号");

        UploadKt._upload(wizard.upload, "居住证.pdf", "application/pdf", "%PDF-1.4 not really a pdf".getBytes(StandardCharsets.US_ASCII));
        MockVaadin.clientRoundtrip();
        assertThat(text("material-state-0")).startsWith("✗ 未被接受").contains("已损坏");
        assertThat(wizard.uploaded).isEmpty();
        _click(wizard.formContinue);
        assertThat(visible("step-form")).isTrue();
        assertThat(text("form-error")).isEqualTo("请先移除未被接受的文件");

        _click(_get(Button.class, spec -> spec.withId("material-remove-0")));
        assertThat(_find(Component.class, spec -> spec.withId("material-0"))).isEmpty();
        assertThat(visible("form-error")).isFalse();
        UploadKt._upload(wizard.upload, "居住证-扫描.pdf", "application/pdf", TestUsers.PDF);
        MockVaadin.clientRoundtrip();
        assertThat(text("material-state-0")).isEqualTo("✓ 已接受");

        _click(wizard.formContinue);
        assertThat(visible("step-commitment")).as(wizard.formError.getText()).isTrue();
        _setValue(wizard.commitmentAccepted, true);
        _click(wizard.submit);
        assertThat(text("result-status")).as(wizard.formError.getText()).isEqualTo("提交成功");
        Filing filed = filings.mine(user).stream().filter(f -> f.startDate().equals(start)).findFirst().orElseThrow();
        assertThat(filings.materials(user, filed.id())).singleElement()
                .satisfies(m -> assertThat(m.contentType()).isEqualTo("application/pdf"));
    }

    @Test
    void resubmissionListsTheMaterialsOnTheFilingAndRemovesOnlyWhenResubmitted() {
        AppUser user = insured("steps-fengbo", FENGBO);
        LocalDate start = ChinaTime.today().plusDays(3200);
        Filing f = filings.submit(user, application(FENGBO, start, start.plusDays(20), List.of(
                new FilingApplication.Material("其他材料", "a.pdf", TestUsers.PDF),
                new FilingApplication.Material("其他材料", "b.pdf", TestUsers.PDF))), UUID.randomUUID().toString());
        filings.returnForCorrection(reviewer(), tasks.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult().getId(),
                "材料 a 不清晰");
        List<FilingMaterial> before = filings.materials(user, f.id());
        assertThat(before).hasSize(2);

        // removed and then left without resubmitting: nothing is lost
        insured("steps-fengbo", FENGBO);
        UI.getCurrent().navigate("insured/filing/" + f.id() + "/edit");
        FilingResubmitView edit = _get(FilingResubmitView.class);
        assertThat(visible("materials-on-file")).isFalse(); // on the form step, not the first one
        _click(edit.startFiling);
        _setValue(edit.noticeAccepted, true);
        _click(edit.noticeContinue);
        assertThat(visible("materials-on-file")).isTrue();
        assertThat(_get(Component.class, spec -> spec.withId("on-file-0")).getElement().getTextRecursively()).contains(before.get(0).fileName());
        assertThat(_get(Component.class, spec -> spec.withId("on-file-1")).getElement().getTextRecursively()).contains(before.get(1).fileName());
        _click(_get(Button.class, spec -> spec.withId("on-file-remove-0")));
        assertThat(text("on-file-state-0")).isEqualTo("重新提交时将移除");
        UI.getCurrent().navigate("insured");
        assertThat(filings.materials(user, f.id())).hasSize(2);

        // removed and resubmitted: the filing keeps only the other one
        insured("steps-fengbo", FENGBO);
        UI.getCurrent().navigate("insured/filing/" + f.id() + "/edit");
        edit = _get(FilingResubmitView.class);
        _click(edit.startFiling);
        _setValue(edit.noticeAccepted, true);
        _click(edit.noticeContinue);
        _click(_get(Button.class, spec -> spec.withId("on-file-remove-0")));
        _click(edit.formContinue);
        _setValue(edit.commitmentAccepted, true);
        _click(edit.submit);
        assertThat(text("result-status")).as(edit.formError.getText()).isEqualTo("提交成功");
        assertThat(filings.materials(user, f.id())).extracting(FilingMaterial::id).containsExactly(before.get(1).id());
        assertThat(filings.find(user, f.id()).orElseThrow().status()).isEqualTo(FilingStatus.SUBMITTED);
        assertThat(filings.history(user, f.id())).anySatisfy(e -> assertThat(e.action()).contains("移除").contains(before.get(0).fileName()));
    }

    @Test
    void theCounterChecksAtTheStepAndALookupsToastClosesBeforeTheNextOne() {
        AppUser counter = clerk("steps-counter", "110105");
        UI.getCurrent().navigate("clerk/counter-filing");
        CounterFilingView wizard = _get(CounterFilingView.class);
        _setValue(wizard.personName, "陈静");
        _setValue(wizard.personIdNumber, "350203196209151238");
        _click(_get(Button.class, spec -> spec.withId("lookup-person")));
        assertThat(text("form-error")).contains("不在本统筹区参保");
        assertThat(openToasts()).hasSize(1);

        // an invalid ID number: at its field; the earlier toast is gone, one toast is open
        _setValue(wizard.personName, "石晓东");
        _setValue(wizard.personIdNumber, "110105194402047190");
        _click(_get(Button.class, spec -> spec.withId("lookup-person")));
        assertThat(wizard.personIdNumber.isInvalid()).isTrue();
        assertThat(wizard.personIdNumber.getErrorMessage()).isNotBlank();
        assertThat(openToasts()).hasSize(1);
        assertThat(openToasts().get(0).getElement().getTextRecursively() + text("form-error")).doesNotContain("不在本统筹区参保");

        // fixed: the field error and the banner go as the number changes, the lookup finds the person
        _setValue(wizard.personIdNumber, SHIXIAODONG);
        assertThat(wizard.personIdNumber.isInvalid()).isFalse();
        assertThat(visible("form-error")).isFalse();
        assertThat(openToasts()).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("lookup-person")));
        assertThat(wizard.person).isNotNull();
        // a changed ID number after the lookup needs a new lookup
        _setValue(wizard.personIdNumber, FENGBO);
        assertThat(wizard.person).isNull();
        _setValue(wizard.personIdNumber, SHIXIAODONG);
        _click(_get(Button.class, spec -> spec.withId("lookup-person")));
        assertThat(wizard.person).isNotNull();

        // the walk-in person's filing overlaps: refused at the form step
        LocalDate start = ChinaTime.today().plusDays(3300);
        Filing existing = filings.submit(counter, application(SHIXIAODONG, start, start.plusDays(20), List.of()), UUID.randomUUID().toString());
        toForm(wizard, divisions, FilingType.OTHER_TEMPORARY);
        _setValue(wizard.startDate, start.plusDays(5));
        _setValue(wizard.endDate, start.plusDays(6));
        _setValue(wizard.contactPhone, "010-5551234");
        _setValue(wizard.contactAddress, "上海市演示路 3 号");
        _click(wizard.formContinue);
        assertThat(visible("step-form")).isTrue();
        assertThat(wizard.startDate.getErrorMessage()).contains(existing.applicationSerial());
        _setValue(wizard.startDate, start.plusDays(21));
        _setValue(wizard.endDate, start.plusDays(22));
        _click(wizard.formContinue);
        assertThat(visible("step-commitment")).as(wizard.formError.getText()).isTrue();
    }

    private static AppUser reviewer() {
        return new AppUser(Realm.CLERKS, "probe", "probe", Set.of("CLERK", "REVIEWER"), List.of("area-110105"), "110105");
    }
}
