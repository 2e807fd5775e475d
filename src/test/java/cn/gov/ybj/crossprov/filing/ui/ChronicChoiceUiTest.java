package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.chronic.ChronicChoices;
import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoice;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** 门诊慢特病医疗机构选择 screens (004 §3) in a browserless Vaadin; filings in 2043, clear of other test classes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChronicChoiceUiTest extends KaribuSpringSupport {

    static final String CHENJING = "350203196209151238"; // 厦门 350200, 自助备案, 高血压 + 糖尿病
    static final String LINFANG = "350206199001015563";  // 厦门 350200, 自助备案, no qualification
    static final String ZHANGWEI = "110105195803120029"; // 北京朝阳 110105, 快速备案, 原发性免疫性血小板减少症
    static final String ANZHEN = "1100001004845";        // 北京安贞医院

    @Autowired
    FilingManagement filings;

    @Autowired
    ChronicChoices chronic;
    @Autowired
    InstitutionImport institutions;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void institutions() throws Exception {
        try (InputStream seed = new ClassPathResource("reference/institutions-seed.csv").getInputStream()) {
            assertThat(institutions.importCsv(seed, false).ok()).isTrue();
        }
    }

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

    private Filing file(AppUser user, String person, String area, String treatment, LocalDate start) {
        return filings.submit(user, new FilingApplication(person, area, treatment, InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, start, start.plusDays(20), "联系人", "13900000000", "演示路1号", null,
                false, false, false, true, true, List.of()), UUID.randomUUID().toString());
    }

    @Test
    void qualificationsAreListedAndAChoiceIsSubmittedWithItsSerialThenReviewed() {
        AppUser chen = insured("chenjing", CHENJING);
        Filing f = file(chen, CHENJING, "350200", "110000", LocalDate.of(2043, 2, 1));
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);

        UI.getCurrent().navigate("insured/filing/" + f.id() + "/chronic");
        ChronicChoiceView view = _get(ChronicChoiceView.class);
        assertThat(_get(Button.class, spec -> spec.withId("qualification-M03900")).getText()).contains("高血压");
        assertThat(_get(Button.class, spec -> spec.withId("qualification-M01600")).getText()).contains("糖尿病");
        assertThat(visible("review-list")).isFalse();

        _click(_get(Button.class, spec -> spec.withId("qualification-M03900")));
        assertThat(visible("review-list")).isTrue();
        assertThat(text("review-list-title")).contains("医疗机构审核列表", "高血压");
        _click(view.choose);
        assertThat(visible("step-choose")).isTrue();
        assertThat(view.choose.getText()).isEqualTo("选择门诊慢特病医疗机构");

        // the search offers the destination's designated institutions only
        ComboBoxKt.setUserInput(view.institution, "安贞");
        List<Institution> offered = ComboBoxKt.getSuggestionItems(view.institution);
        assertThat(offered).extracting(Institution::code).contains(ANZHEN);
        assertThat(offered).allSatisfy(i -> assertThat(i.divisionCode()).startsWith("11"));
        ComboBoxKt.selectByLabel(view.institution, "北京安贞医院（" + ANZHEN + "）");
        _click(_get(Button.class, spec -> spec.withId("chronic-submit")));

        assertThat(visible("step-result")).as(view.error.getText()).isTrue();
        assertThat(text("result-title")).isEqualTo("提交成功");
        assertThat(text("result-hint")).isEqualTo("预计两个工作日内完成审核，请耐心等待");
        String serial = text("result-serial");
        assertThat(serial).matches("B1\\d{16}");
        assertThat(text("result-person")).isEqualTo("陈*");
        assertThat(text("result-id-number")).doesNotContain(CHENJING).startsWith("350");
        assertThat(text("result-time")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(text("result-disease")).isEqualTo("高血压");
        assertThat(text("result-institution-code")).isEqualTo(ANZHEN);
        assertThat(text("result-institution-name")).isEqualTo("北京安贞医院");
        assertThat(view.choiceGrid.getGenericDataView().getItems().map(ChronicChoice::serial)).contains(serial);
        ChronicChoice choice = chronic.choices(chen, CHENJING, "M03900").stream()
                .filter(c -> c.serial().equals(serial)).findFirst().orElseThrow();
        assertThat(choice.status()).isEqualTo(ChronicChoice.Status.UNDER_REVIEW);

        // the same institution again is refused on the screen; nothing new
        _click(view.choose);
        ComboBoxKt.selectByLabel(view.institution, "北京安贞医院（" + ANZHEN + "）");
        _click(view.submit);
        assertThat(text("form-error")).contains("不能重复提交");
        assertThat(chronic.choices(chen, CHENJING, "M03900")).filteredOn(c -> c.institutionCode().equals(ANZHEN)
                && c.status().live()).hasSize(1);

        // the Xiamen clerk reviews it; the refusal needs a reason
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(choice.serial()).singleResult().getId();
        clerk("cy-reviewer", "110105");
        UI.getCurrent().navigate("clerk/chronic-choice-review/" + taskId);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");
        clerk("xm-reviewer", "350200");
        UI.getCurrent().navigate("clerk/chronic-choice-review/" + taskId);
        ChronicChoiceReviewView review = _get(ChronicChoiceReviewView.class);
        assertThat(text("choice-serial")).isEqualTo(serial);
        assertThat(text("detail-serial")).isEqualTo(f.applicationSerial());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> decision = _get(RadioButtonGroup.class, spec -> spec.withId("form-decision"));
        TextArea reason = (TextArea) review.form().<String>field("refuseReason");
        _setValue(decision, "REFUSE");
        assertThat(reason.isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(text("form-error")).isEqualTo("不予通过时请填写原因");
        _setValue(decision, "APPROVE");
        _click(_get(Button.class, spec -> spec.withId("review-submit")));
        assertThat(chronic.choices(chen, CHENJING, "M03900")).filteredOn(c -> c.id().equals(choice.id()))
                .singleElement().extracting(ChronicChoice::status).isEqualTo(ChronicChoice.Status.APPROVED);

        // the person sees it approved in 医疗机构审核列表
        insured("chenjing", CHENJING);
        UI.getCurrent().navigate("insured/filing/" + f.id() + "/chronic");
        _click(_get(Button.class, spec -> spec.withId("qualification-M03900")));
        @SuppressWarnings("unchecked")
        Grid<ChronicChoice> grid = _get(Grid.class, spec -> spec.withId("choice-grid"));
        assertThat(grid.getGenericDataView().getItems().filter(c -> c.serial().equals(serial)).map(ChronicChoice::status))
                .containsExactly(ChronicChoice.Status.APPROVED);
    }

    @Test
    void theChronicActionAppearsOnlyForAQualifiedPersonsOpenedFiling() {
        AppUser chen = insured("chenjing", CHENJING);
        Filing qualified = file(chen, CHENJING, "350200", "110000", LocalDate.of(2043, 6, 1));
        AppUser lin = insured("linfang", LINFANG);
        Filing unqualified = file(lin, LINFANG, "350200", "110000", LocalDate.of(2043, 6, 1));
        AppUser zhang = insured("zhangwei", ZHANGWEI);
        Filing underReview = file(zhang, ZHANGWEI, "110105", "350200", LocalDate.of(2043, 6, 1));
        assertThat(qualified.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(unqualified.status()).isEqualTo(FilingStatus.OPENED);
        assertThat(underReview.status()).isEqualTo(FilingStatus.SUBMITTED);

        insured("chenjing", CHENJING);
        assertThat(actionIds("filings-national-app-self-service", qualified)).contains("chronic-" + qualified.applicationSerial());
        insured("linfang", LINFANG);
        assertThat(actionIds("filings-national-app-self-service", unqualified)).doesNotContain("chronic-" + unqualified.applicationSerial())
                .contains("details-" + unqualified.applicationSerial());
        insured("zhangwei", ZHANGWEI);
        assertThat(actionIds("filings-national-app-quick", underReview)).doesNotContain("chronic-" + underReview.applicationSerial())
                .contains("details-" + underReview.applicationSerial());

        // 004 §3.1: the entry of its own lists the qualified person's filing and leads to its choice; others see what is needed
        insured("chenjing", CHENJING);
        UI.getCurrent().navigate("insured/chronic");
        @SuppressWarnings("unchecked")
        Grid<Filing> entry = _get(Grid.class, spec -> spec.withId("chronic-filings"));
        assertThat(entry.getGenericDataView().getItems().map(Filing::id).toList()).contains(qualified.id());
        int row = entry.getGenericDataView().getItems().map(Filing::id).toList().indexOf(qualified.id());
        _click((Button) GridKt._getCellComponent(entry, row, "actions"));
        assertThat(_get(ChronicChoiceView.class)).isNotNull();
        insured("linfang", LINFANG);
        UI.getCurrent().navigate("insured/chronic");
        assertThat(text("chronic-none")).contains("需要有效的门诊慢特病资格");
        insured("zhangwei", ZHANGWEI);

        // the screen itself refuses a filing that is not opened, and someone else's filing looks absent
        UI.getCurrent().navigate("insured/filing/" + underReview.id() + "/chronic");
        assertThat(text("not-allowed")).isEqualTo("仅已开通的线上备案可以选择门诊慢特病医疗机构");
        UI.getCurrent().navigate("insured/filing/" + qualified.id() + "/chronic");
        assertThat(text("not-found")).isEqualTo("备案不存在或无权查看");
        assertThat(_find(Button.class, spec -> spec.withId("qualification-M03900"))).isEmpty();
    }

    private List<String> actionIds(String gridId, Filing filing) {
        UI.getCurrent().navigate("insured");
        if (gridId.endsWith("self-service")) {
            _get(TabSheet.class, spec -> spec.withId("filing-tabs")).setSelectedIndex(1);
        }
        @SuppressWarnings("unchecked")
        Grid<Filing> grid = _get(Grid.class, spec -> spec.withId(gridId));
        List<UUID> ids = grid.getGenericDataView().getItems().map(Filing::id).toList();
        int row = ids.indexOf(filing.id());
        assertThat(row).as("filing in " + gridId).isNotNegative();
        return _find((Component) GridKt._getCellComponent(grid, row, "actions"), Button.class).stream()
                .map(b -> b.getId().orElse("")).toList();
    }
}
