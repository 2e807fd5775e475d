package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.supplement.Supplements;
import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.filing.supplement.Supplement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.gov.ybj.crossprov.TestUsers.PDF;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** 补充材料 screens in a browserless Vaadin on the real services and the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupplementUiTest extends KaribuSpringSupport {

    static final String CHENG = "210604195811107945"; // 程诗涵, 丹东 210600, 自助备案
    static final AppUser CHENG_USER = cn.gov.ybj.crossprov.TestUsers.insured("supp-chengshihan", CHENG);

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    @Autowired
    FilingManagement filings;

    @Autowired
    Supplements supplements;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    JdbcClient jdbc;

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

    /** Filed before the login: the start page may already show 我的备案, which navigating there again would keep. */
    private Filing file(AppUser user, FilingType type, boolean commitment, LocalDate start, LocalDate end) {
        return filings.submit(user, new FilingApplication(CHENG, "210600", "110000", InsuranceType.EMPLOYEE, type, start, end,
                "程诗涵", "13900000000", "北京市演示路 9 号", null, false, false, commitment, true, true, List.of()),
                UUID.randomUUID().toString());
    }

    /** The action buttons of the filing's row in the 自助开通 tab of 我的备案. */
    private Component actionsOf(Filing filing) {
        UI.getCurrent().navigate("insured");
        _get(TabSheet.class, spec -> spec.withId("filing-tabs")).setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        Grid<Filing> grid = _get(Grid.class, spec -> spec.withId("filings-national-app-self-service"));
        List<UUID> ids = grid.getGenericDataView().getItems().map(Filing::id).toList();
        assertThat(ids).contains(filing.id());
        return (Component) GridKt._getCellComponent(grid, ids.indexOf(filing.id()), "actions");
    }

    @Test
    void personUploadsSupplementalMaterialsTheActionDisappearsAndTheClerkApproves() {
        Filing filing = file(CHENG_USER, FilingType.RETIRED_RESETTLED, true, LocalDate.of(2036, 1, 1), LocalDate.of(2036, 12, 31));
        AppUser user = insured("supp-chengshihan", CHENG);
        assertThat(filing.status()).isEqualTo(FilingStatus.OPENED);

        _click(_get(actionsOf(filing), Button.class, spec -> spec.withId("supplement-" + filing.applicationSerial())));
        FilingSupplementView view = _get(FilingSupplementView.class);
        assertThat(visible("step-notice")).isTrue();
        assertThat(text("notice-text")).isEqualTo(FilingManagement.noticeText());
        assertThat(view.noticeAccepted.getLabel()).isEqualTo("本人已仔细阅读备案告知书");
        assertThat(view.noticeContinue.getText()).isEqualTo("我已阅读，开始备案");
        assertThat(view.noticeContinue.isEnabled()).isFalse();
        _setValue(view.noticeAccepted, true);
        _click(view.noticeContinue);
        assertThat(visible("step-upload")).isTrue();
        // labels and key come from forms/supplemental-materials.form
        assertThat(text("supplement-files-label")).isEqualTo("上传材料");
        assertThat(view.upload.getId()).contains("supplement-files");
        Button submit = _get(Button.class, spec -> spec.withId("supplement-submit"));
        assertThat(submit.getText()).isEqualTo("立即提交");
        _click(submit);
        assertThat(text("form-error")).isEqualTo("请至少上传一个材料文件（PDF、JPG 或 PNG）");
        assertThat(supplements.ofFiling(user, filing.id())).isEmpty();

        UploadKt._upload(view.upload, "居住证明.pdf", "application/pdf", PDF);
        _click(submit);
        assertThat(visible("step-result")).as(view.formError.getText()).isTrue();
        assertThat(text("result-status")).isEqualTo("提交成功");
        assertThat(text("result-hint")).isEqualTo("预计两个工作日内完成审核，请耐心等待");
        List<Supplement> submitted = supplements.ofFiling(user, filing.id());
        assertThat(submitted).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(Supplement.Status.UNDER_REVIEW);
            assertThat(s.materials()).extracting(m -> m.fileName()).containsExactly("居住证明.pdf");
            assertThat(s.materials().get(0).kind()).isEqualTo(FilingType.RETIRED_RESETTLED.material());
        });

        // 我的备案: 补充材料 is no longer offered, details still are
        Component actions = actionsOf(filing);
        assertThat(_find(actions, Button.class, spec -> spec.withId("supplement-" + filing.applicationSerial()))).isEmpty();
        _get(actions, Button.class, spec -> spec.withId("details-" + filing.applicationSerial()));
        UI.getCurrent().navigate("insured/filing/" + filing.id() + "/supplement");
        assertThat(visible("supplement-unavailable")).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("supplement-submit"))).isEmpty();

        // details: the 补充材料 section with its status and file
        UI.getCurrent().navigate("insured/filing/" + filing.id());
        assertThat(text("both-places")).isEqualTo("双向享受待遇：否");
        Supplement s = submitted.get(0);
        assertThat(text("supplement-status-" + s.id())).isEqualTo("审核中");
        assertThat(_get(Anchor.class, spec -> spec.withId("supplement-material-" + s.materials().get(0).id())).getText())
                .isEqualTo("居住证明.pdf");

        // the review screen: another area's clerk gets nothing, the area's clerk approves
        String pi = jdbc.sql("SELECT process_instance_id FROM app.filing_supplement WHERE id = :id").param("id", s.id())
                .query(String.class).single();
        String taskId = inbox.page(new AppUser(Realm.CLERKS, "probe", "probe", Set.of(Roles.CLERK), List.of("area-210600"),
                "210600"), ClerkInbox.Filter.ALL, 0, 1000).stream()
                .filter(t -> t.processInstanceId().equals(pi)).findFirst().orElseThrow().taskId();
        clerk("xm-reviewer", "350200");
        UI.getCurrent().navigate("clerk/supplement-review/" + taskId);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");

        clerk("supp-dandong-reviewer", "210600");
        UI.getCurrent().navigate("clerk/supplement-review/" + taskId);
        SupplementReviewView review = _get(SupplementReviewView.class);
        _get(_get(Component.class, spec -> spec.withId("review-supplement-files")), Anchor.class,
                spec -> spec.withText("居住证明.pdf"));
        assertThat(text("detail-serial")).isEqualTo(filing.applicationSerial());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("form-decision"));
        _setValue(decision, "RETURN");
        assertThat(review.form().<String>field("returnReason")).isNotNull();
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(text("form-error")).isEqualTo("请完整填写审核结论");
        _setValue(decision, "APPROVE");
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(filings.find(user, filing.id()).orElseThrow().bothPlaces()).isTrue();

        insured("supp-chengshihan", CHENG);
        UI.getCurrent().navigate("insured/filing/" + filing.id());
        assertThat(text("both-places")).isEqualTo("双向享受待遇：是");
        assertThat(text("supplement-status-" + s.id())).isEqualTo("审核通过");
    }

    @Test
    void aFilingWithoutPersonalCommitmentDoesNotOfferSupplementalMaterials() {
        Filing temporary = file(CHENG_USER, FilingType.OTHER_TEMPORARY, false, LocalDate.of(2037, 1, 1), LocalDate.of(2037, 1, 31));
        insured("supp-chengshihan", CHENG);
        assertThat(temporary.status()).isEqualTo(FilingStatus.OPENED);
        Component actions = actionsOf(temporary);
        assertThat(_find(actions, Button.class, spec -> spec.withId("supplement-" + temporary.applicationSerial()))).isEmpty();
        _get(actions, Button.class, spec -> spec.withId("cancel-" + temporary.applicationSerial()));
        UI.getCurrent().navigate("insured/filing/" + temporary.id() + "/supplement");
        assertThat(visible("supplement-unavailable")).isTrue();
        UI.getCurrent().navigate("insured/filing/" + temporary.id());
        assertThat(_find(Component.class, spec -> spec.withId("both-places"))).isEmpty();
    }
}
