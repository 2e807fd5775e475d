package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.transfer.TransferPrints;
import cn.gov.ybj.crossprov.transfer.TransferStatus;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import cn.gov.ybj.crossprov.workflow.ui.TaskInboxView;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 转移接续 screens in a browserless Vaadin on the embedded PostgreSQL with the real engine: the
 * person's 转出申请 and 异地转入申请 (query, refusals at the step that caused them, submit), the
 * clerks' steps reached from the inbox (details, steps, diagram, the decision form and its
 * refusals), the case and print screens, and the English mode. The persons are fixtures of this
 * class only (厦门 350200, employees), each used by one test, as a running case blocks a second one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TransferUiTest extends KaribuSpringSupport {

    static final String OUT_PERSON = "350203198506202416";      // 转出 350200 → 110105 through the clerks
    static final String SAME_AREA_PERSON = "35020319900315252X";
    static final String ARREARS_PERSON = "350203197608112636";
    static final String IN_PERSON = "350203198801012746";       // 异地转入 at the 110105 counter
    static final String ENGLISH_PERSON = "350203199207072855";
    static final String XIAMEN = "350200";
    static final String CHAOYANG = "110105";
    static final String HAIDIAN = "110108";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransferCases transfers;
    @Autowired
    TransferPrints prints;
    @Autowired
    PoolingAreas areas;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void fixtures() {
        person(OUT_PERSON, "界面甲", "2345.60", "0", "350200:2016-03-01:");
        person(SAME_AREA_PERSON, "界面乙", "100", "0", "350200:2019-05-01:");
        person(ARREARS_PERSON, "界面丙", "500", "120.00", "350200:2012-01-01:");
        person(IN_PERSON, "界面丁", "66.60", "0", "350200:2017-09-01:");
        person(ENGLISH_PERSON, "界面戊", "0", "0", "350200:2020-02-01:");
    }

    /** An employee of 350200; balance and arrears in yuan; periods {@code area:start:end} (end empty while open). */
    private void person(String id, String name, String balance, String arrears, String... periods) {
        IdNumber.of(id); // a valid GB 11643 number
        int inserted = jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, demo)
                VALUES (?, ?, 'F', DATE '1985-01-01', ?, 'EMPLOYEE', 'IN_SERVICE', 'NORMAL', '测试单位', true) ON CONFLICT DO NOTHING
                """).params(id, name, XIAMEN).update();
        if (inserted == 0) {
            return;
        }
        for (String p : periods) {
            String[] f = p.split(":", -1);
            jdbc.sql("""
                    INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month, end_month)
                    VALUES (?, ?, 'EMPLOYEE', CAST(? AS date), CAST(NULLIF(?, '') AS date))
                    """).params(id, f[0], f[1], f[2]).update();
        }
        jdbc.sql("INSERT INTO app.insurance_account (id_number, balance, arrears) VALUES (?, CAST(? AS numeric), CAST(? AS numeric))")
                .params(id, balance, arrears).update();
    }

    @Test
    void aTransferOutIsAppliedForReviewedFromTheInboxTransferredOutAndPrinted() throws Exception {
        // a 流水号 with five digits: it is shown as it is, not as 12,345
        jdbc.sql("SELECT setval('app.transfer_serial', (SELECT GREATEST(last_value, 12344) FROM app.transfer_serial))")
                .query().singleRow();
        AppUser person = insured("ui-transfer-out", OUT_PERSON);
        UI.getCurrent().navigate("insured/transfer-out");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("职工医疗保险关系转出申请");
        selectArea("transfer-in-area", "北京市朝阳区（110105）");
        _click(button("transfer-query"));

        PoolingArea xiamen = areas.find(XIAMEN).orElseThrow();
        PoolingArea chaoyang = areas.find(CHAOYANG).orElseThrow();
        assertThat(text("preview-name")).isEqualTo("界面甲");
        assertThat(text("preview-id")).isEqualTo(IdNumber.mask(OUT_PERSON)).doesNotContain("19850620");
        assertThat(text("preview-out-area")).isEqualTo(xiamen.name()).contains("厦门");
        assertThat(text("preview-out-agency")).isEqualTo(xiamen.agencyName());
        assertThat(text("preview-in-area")).isEqualTo("北京市朝阳区");
        assertThat(text("preview-in-agency")).isEqualTo(chaoyang.agencyName());
        assertThat(chaoyang.bankAccountNo()).isNotBlank();
        assertThat(text("preview-bank-account-name")).isEqualTo(chaoyang.bankAccountName());
        assertThat(text("preview-bank-name")).isEqualTo(chaoyang.bankName());
        assertThat(text("preview-bank-account-no")).isEqualTo(chaoyang.bankAccountNo());
        assertThat(text("preview-periods")).isEqualTo("自 2016-03 至 今");
        long months = ChronoUnit.MONTHS.between(YearMonth.of(2016, 3), YearMonth.now(ChinaTime.ZONE)) + 1;
        assertThat(text("preview-months")).isEqualTo(String.valueOf(months));
        assertThat(text("preview-status")).isEqualTo("正常参保");
        assertThat(text("preview-balance")).isEqualTo("¥2345.60");

        // a wrong mobile number: refused inline in Chinese, nothing written, the preview stays
        _setValue(_get(TextField.class, spec -> spec.withId("transfer-phone")), "1391234");
        _click(button("transfer-submit"));
        assertThat(text("transfer-error")).isEqualTo("请填写正确的11位手机号码");
        assertThat(casesOf(OUT_PERSON)).isZero();
        assertThat(_find(Component.class, spec -> spec.withId("transfer-submitted"))).isEmpty();
        assertThat(text("preview-name")).isEqualTo("界面甲");

        _setValue(_get(TextField.class, spec -> spec.withId("transfer-phone")), "13912340001");
        _click(button("transfer-submit"));
        assertThat(casesOf(OUT_PERSON)).isOne();
        TransferCase c = transfers.list(person, null, 10).get(0);
        assertThat(c.getSerialNo()).isGreaterThanOrEqualTo(12345);
        assertThat(c.getStatus()).isEqualTo(TransferStatus.OUT_AREA_REVIEW);
        assertThat(c.getPhone()).isEqualTo("13912340001");
        assertThat(_find(Component.class, spec -> spec.withId("transfer-error"))).isEmpty();
        assertThat(text("transfer-submitted")).isEqualTo("申请已提交，流水号 " + c.getSerialNo() + "，当前状态：转出地审核中");

        _click(button("transfer-open-progress"));
        _get(TransferCaseView.class);
        assertThat(text("case-serial")).isEqualTo(String.valueOf(c.getSerialNo()));
        assertThat(text("case-status")).isEqualTo("转出地审核中");
        assertThat(steps()).containsExactly(Map.entry("StartEvent_TransferApplied", "DONE"),
                Map.entry(TransferCases.OUT_REVIEW_TASK, "CURRENT"), Map.entry(TransferCases.TRANSFER_OUT_TASK, "PENDING"),
                Map.entry(TransferCases.TRANSFER_IN_TASK, "PENDING"), Map.entry("EndEvent_TransferCompleted", "PENDING"));
        assertThat(text("documents-" + c.getSerialNo())).isEqualTo("转出地办理转出后可查看和下载参保凭证、信息表");

        // a third area's clerk opening the step's URL finds nothing
        String review = task(c).getId();
        login(Realm.CLERKS, "hd-ui-reviewer", null, List.of("area-" + HAIDIAN), List.of("reviewer"));
        UI.getCurrent().navigate("clerk/transfer-task/" + review);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");
        assertThat(_find(Component.class, spec -> spec.withId("transfer-details"))).isEmpty();

        // the out-area's reviewer finds it in the inbox and opens the step
        login(Realm.CLERKS, "xm-ui-reviewer", null, List.of("area-" + XIAMEN), List.of("reviewer"));
        UI.getCurrent().navigate("clerk/inbox");
        workFromInbox(review, c);
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("转移接续·转出地审核");
        assertThat(text("case-serial")).isEqualTo(String.valueOf(c.getSerialNo()));
        assertThat(text("case-person")).isEqualTo("界面甲");
        assertThat(text("case-id")).isEqualTo(IdNumber.mask(OUT_PERSON));
        assertThat(text("case-in-area")).contains("朝阳");
        assertThat(steps()).containsEntry(TransferCases.OUT_REVIEW_TASK, "CURRENT")
                .containsEntry(TransferCases.TRANSFER_OUT_TASK, "PENDING");
        assertThat(diagram()).containsEntry(TransferCases.OUT_REVIEW_TASK, "active")
                .containsEntry("StartEvent_TransferApplied", "completed")
                .containsEntry(TransferCases.TRANSFER_OUT_TASK, "pending");

        // 不予通过 needs a reason; then 审核通过 moves the case on
        decide("REFUSE");
        assertThat(_get(TextArea.class, spec -> spec.withId("form-refuseReason")).isVisible()).isTrue();
        _click(button("review-submit"));
        assertThat(text("form-error")).isEqualTo("不予通过时请填写原因");
        assertThat(status(c)).isEqualTo(TransferStatus.OUT_AREA_REVIEW);
        decide("APPROVE");
        _click(button("review-submit"));
        _get(TaskInboxView.class);
        assertThat(status(c)).isEqualTo(TransferStatus.TRANSFERRING_OUT);
        assertThat(jdbc.sql("SELECT status FROM app.transfer_case WHERE id = ?").param(c.getId()).query(String.class).single())
                .isEqualTo("TRANSFERRING_OUT");

        // the next step is not for a third area's clerk, nor for the in-area's before the transfer-out
        String transferOut = task(c).getId();
        login(Realm.CLERKS, "hd-ui-reviewer", null, List.of("area-" + HAIDIAN), List.of("reviewer"));
        UI.getCurrent().navigate("clerk/transfer-task/" + transferOut);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");
        assertThat(_find(Button.class, spec -> spec.withId("review-submit"))).isEmpty();
        clerk("cy-ui-reviewer", CHAOYANG);
        UI.getCurrent().navigate("clerk/transfer-task/" + transferOut);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");

        // 办理转出: the 凭证号 is issued
        login(Realm.CLERKS, "xm-ui-reviewer", null, List.of("area-" + XIAMEN), List.of("reviewer"));
        UI.getCurrent().navigate("clerk/transfer-task/" + transferOut);
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("转移接续·转出地办理转出");
        assertThat(steps()).containsEntry(TransferCases.OUT_REVIEW_TASK, "DONE").containsEntry(TransferCases.TRANSFER_OUT_TASK, "CURRENT");
        assertThat(diagram()).containsEntry(TransferCases.OUT_REVIEW_TASK, "completed").containsEntry(TransferCases.TRANSFER_OUT_TASK, "active");
        decide("APPROVE");
        _click(button("review-submit"));
        TransferCase out = transfers.find(person, c.getId()).orElseThrow();
        assertThat(out.getStatus()).isEqualTo(TransferStatus.TRANSFERRING_IN);
        assertThat(out.getCertificateNo()).startsWith(XIAMEN + "-");

        // the person: the case with its steps, and the certificate to view and download
        insured("ui-transfer-out", OUT_PERSON);
        UI.getCurrent().navigate("transfers/" + c.getId());
        assertThat(text("case-status")).isEqualTo("转入地办理接续中");
        assertThat(text("case-certificate-no")).isEqualTo(out.getCertificateNo());
        assertThat(text("transfer-steps")).contains("流水号 " + c.getSerialNo(), "参保凭证号 " + out.getCertificateNo());
        assertThat(text("case-balance")).isEqualTo("¥2345.60");
        assertThat(steps()).containsExactly(Map.entry("StartEvent_TransferApplied", "DONE"),
                Map.entry(TransferCases.OUT_REVIEW_TASK, "DONE"), Map.entry(TransferCases.TRANSFER_OUT_TASK, "DONE"),
                Map.entry(TransferCases.TRANSFER_IN_TASK, "CURRENT"), Map.entry("EndEvent_TransferCompleted", "PENDING"));
        assertThat(anchor("certificate-view-" + c.getSerialNo()).getText()).isEqualTo("查看参保凭证");
        // the links' handlers answer with the PDFs (Karibu reaches them here, where the anchors are attached;
        // the grid's cell components below are fresh renders whose handlers are not registered)
        assertThat(pdfHead(anchor("certificate-download-" + c.getSerialNo()))).isEqualTo("%PDF-");
        assertThat(pdfHead(anchor("certificate-view-" + c.getSerialNo()))).isEqualTo("%PDF-");
        assertThat(pdfHead(anchor("sheet-download-" + c.getSerialNo()))).isEqualTo("%PDF-");

        UI.getCurrent().navigate("insured/transfer-certificates");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("打印医疗保险关系转移接续参保凭证");
        @SuppressWarnings("unchecked")
        Grid<TransferCase> certificates = _get(Grid.class, spec -> spec.withId("certificates"));
        assertThat(GridKt._size(certificates)).isOne();
        assertThat(GridKt._getFormattedRow(certificates, 0)).contains(out.getCertificateNo(), String.valueOf(c.getSerialNo()));
        Component links = (Component) GridKt._getCellComponent(certificates, 0, "documents");
        Anchor view = _get(links, Anchor.class, spec -> spec.withId("certificate-view-" + c.getSerialNo()));
        Anchor download = _get(links, Anchor.class, spec -> spec.withId("certificate-download-" + c.getSerialNo()));
        Anchor sheet = _get(links, Anchor.class, spec -> spec.withId("sheet-download-" + c.getSerialNo()));
        assertThat(view.getText()).isEqualTo("查看参保凭证");
        assertThat(view.getTarget()).hasValue("_blank");
        assertThat(download.getText()).isEqualTo("下载参保凭证");
        assertThat(sheet.getText()).isEqualTo("下载信息表");
        assertThat(view.getHref()).isNotBlank();
        assertThat(download.getHref()).isNotBlank().isNotEqualTo(view.getHref());
        assertThat(prints.certificate(person, c.getId())).isPresent();

        // anybody else: as for an unknown case
        insured("ui-transfer-same", SAME_AREA_PERSON);
        UI.getCurrent().navigate("transfers/" + c.getId());
        assertThat(text("not-found")).isEqualTo("未找到该转移接续，或您无权查看");
        assertThat(_find(Component.class, spec -> spec.withId("transfer-steps"))).isEmpty();
        UI.getCurrent().navigate("insured/transfer-certificates");
        @SuppressWarnings("unchecked")
        Grid<TransferCase> none = _get(Grid.class, spec -> spec.withId("certificates"));
        assertThat(GridKt._size(none)).isZero();

        // 办理接续 in 110105: the amount that arrived must be the amount sent
        clerk("cy-ui-reviewer", CHAOYANG);
        UI.getCurrent().navigate("clerk/transfer-task/" + task(c).getId());
        decide("APPROVE");
        _setValue(_get(NumberField.class, spec -> spec.withId("form-balanceReceived")), 2345.0);
        _click(button("review-submit"));
        assertThat(text("form-error")).contains("与转出地划转金额（¥2345.60）不符");
        assertThat(status(c)).isEqualTo(TransferStatus.TRANSFERRING_IN);
        _setValue(_get(NumberField.class, spec -> spec.withId("form-balanceReceived")), 2345.60);
        _click(button("review-submit"));
        assertThat(status(c)).isEqualTo(TransferStatus.COMPLETED);
    }

    @Test
    void aRefusedQueryShowsTheReasonAtTheQueryStepAndNoSubmit() {
        insured("ui-transfer-same", SAME_AREA_PERSON);
        UI.getCurrent().navigate("insured/transfer-out");
        String xiamen = areas.find(XIAMEN).orElseThrow().name();
        selectArea("transfer-in-area", xiamen + "（350200）");
        _click(button("transfer-query"));
        assertThat(text("transfer-error")).isEqualTo("转入地与转出地相同（" + xiamen + "），无需办理关系转移接续");
        assertThat(_find(Button.class, spec -> spec.withId("transfer-submit"))).isEmpty();
        assertThat(_find(Component.class, spec -> spec.withId("transfer-preview"))).isEmpty();

        // another area queried: the preview; choosing another area again takes it away
        selectArea("transfer-in-area", "北京市朝阳区（110105）");
        _click(button("transfer-query"));
        assertThat(_find(Component.class, spec -> spec.withId("transfer-error"))).isEmpty();
        assertThat(text("preview-in-area")).isEqualTo("北京市朝阳区");
        selectArea("transfer-in-area", "北京市海淀区（110108）");
        assertThat(_find(Button.class, spec -> spec.withId("transfer-submit"))).isEmpty();
        assertThat(casesOf(SAME_AREA_PERSON)).isZero();

        insured("ui-transfer-arrears", ARREARS_PERSON);
        UI.getCurrent().navigate("insured/transfer-out");
        selectArea("transfer-in-area", "北京市朝阳区（110105）");
        _click(button("transfer-query"));
        assertThat(text("transfer-error")).isEqualTo("您在转出地有欠费 ¥120.00，请补缴后再申请关系转移接续");
        assertThat(_find(Button.class, spec -> spec.withId("transfer-submit"))).isEmpty();
        assertThat(casesOf(ARREARS_PERSON)).isZero();
    }

    @Test
    void aTransferInWaitsForTheInAreaCounterWhichChecksIdentityAndDocuments() {
        AppUser person = insured("ui-transfer-in", IN_PERSON);
        UI.getCurrent().navigate("insured/transfer-in");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("职工医疗保险关系异地转入申请");
        assertThat(text("transfer-note")).startsWith("本业务需要前台经办落地审核");
        @SuppressWarnings("unchecked")
        Select<InsuranceType> type = _get(Select.class, spec -> spec.withId("transfer-type"));
        assertThat(type.getLabel()).isEqualTo("选择类型");
        _setValue(type, InsuranceType.EMPLOYEE);
        selectArea("transfer-out-area", areas.find(XIAMEN).orElseThrow().name() + "（350200）");
        selectArea("transfer-in-area", "北京市朝阳区（110105）");
        _click(button("transfer-query"));
        assertThat(text("preview-name")).isEqualTo("界面丁");
        assertThat(text("preview-in-area")).isEqualTo("北京市朝阳区");
        assertThat(text("preview-balance")).isEqualTo("¥66.60");
        _setValue(_get(TextField.class, spec -> spec.withId("transfer-phone")), "13800138000");
        _click(button("transfer-submit"));
        TransferCase c = transfers.list(person, null, 10).get(0);
        assertThat(c.getStatus()).isEqualTo(TransferStatus.IN_AREA_ACCEPTANCE);
        assertThat(text("transfer-submitted")).isEqualTo("申请已提交，流水号 " + c.getSerialNo() + "，当前状态：待转入地受理");

        // nothing reaches the out-area before the counter's check
        String acceptance = task(c).getId();
        clerk("xm-ui-reviewer", XIAMEN);
        UI.getCurrent().navigate("clerk/transfer-task/" + acceptance);
        assertThat(text("not-found")).isEqualTo("任务不存在或无权办理");

        // a reviewer of the in-area is not the counter
        login(Realm.CLERKS, "cy-ui-reviewer", null, List.of("area-" + CHAOYANG), List.of("reviewer"));
        UI.getCurrent().navigate("clerk/transfer-task/" + acceptance);
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("转移接续·转入地前台落地审核");
        assertThat(steps()).containsEntry(TransferCases.ACCEPT_TASK, "CURRENT");
        assertThat(diagram()).containsEntry(TransferCases.ACCEPT_TASK, "active");
        decide("APPROVE");
        _setValue(checkbox("form-identityChecked"), true);
        _setValue(checkbox("form-documentsChecked"), true);
        _click(button("review-submit"));
        assertThat(text("form-error")).isEqualTo("异地转入须由转入地前台经办人员落地审核");
        assertThat(status(c)).isEqualTo(TransferStatus.IN_AREA_ACCEPTANCE);

        // the counter clerk needs both checks
        login(Realm.CLERKS, "cy-ui-counter", null, List.of("area-" + CHAOYANG), List.of("counter"));
        UI.getCurrent().navigate("clerk/transfer-task/" + acceptance);
        decide("APPROVE");
        _setValue(checkbox("form-identityChecked"), true);
        _click(button("review-submit"));
        assertThat(text("form-error")).isEqualTo("请核验申请人本人有效身份证件和申请材料后再受理");
        assertThat(status(c)).isEqualTo(TransferStatus.IN_AREA_ACCEPTANCE);
        _setValue(checkbox("form-documentsChecked"), true);
        _click(button("review-submit"));
        _get(TaskInboxView.class);
        assertThat(status(c)).isEqualTo(TransferStatus.OUT_AREA_REVIEW);
        assertThat(transfers.find(person, c.getId()).orElseThrow().getAcceptedBy()).endsWith("cy-ui-counter");

        // 转移接续查询 of the in-area: the cases entering it
        UI.getCurrent().navigate("clerk/transfers");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("转移接续查询（转出或转入本统筹区）");
        @SuppressWarnings("unchecked")
        Select<cn.gov.ybj.crossprov.transfer.Direction> direction = _get(Select.class, spec -> spec.withId("transfer-direction"));
        _setValue(direction, cn.gov.ybj.crossprov.transfer.Direction.IN);
        _click(button("transfer-query"));
        @SuppressWarnings("unchecked")
        Grid<TransferCase> list = _get(Grid.class, spec -> spec.withId("transfers"));
        List<TransferCase> listed = list.getGenericDataView().getItems().toList();
        assertThat(listed).extracting(TransferCase::getId).contains(c.getId());
        assertThat(listed).extracting(TransferCase::getInAreaCode).containsOnly(CHAOYANG);
        int row = listed.stream().map(TransferCase::getId).toList().indexOf(c.getId());
        assertThat(GridKt._getFormattedRow(list, row)).contains(String.valueOf(c.getSerialNo()), "转入", "界**", "转出地审核中");
        _click(button("transfer-reset"));
        assertThat(direction.getValue()).isNull();
        assertThat(direction.getItemLabelGenerator().apply(null)).isEqualTo("全部");
        assertThat(list.getGenericDataView().getItems().map(TransferCase::getId)).contains(c.getId());
        GridKt._clickItem(list, row);
        _get(TransferCaseView.class);
        assertThat(text("case-serial")).isEqualTo(String.valueOf(c.getSerialNo()));

        // now it is the out-area's
        clerk("xm-ui-reviewer", XIAMEN);
        UI.getCurrent().navigate("clerk/transfer-task/" + task(c).getId());
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("转移接续·转出地审核");
        assertThat(steps()).containsEntry(TransferCases.ACCEPT_TASK, "DONE").containsEntry(TransferCases.OUT_REVIEW_TASK, "CURRENT");
    }

    @Test
    void inEnglishTheScreensAndStatusesAreEnglish() {
        AppUser person = insured("ui-transfer-english", ENGLISH_PERSON);
        UI.getCurrent().navigate("insured/transfer-out");
        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        UI.getCurrent().navigate("insured/transfer-out");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Transfer out of employee medical insurance");
        assertThat(areaBox("transfer-in-area").getLabel()).isEqualTo("In-area");
        assertThat(button("transfer-query").getText()).isEqualTo("Query");
        selectArea("transfer-in-area", "北京市朝阳区 (110105)");
        _click(button("transfer-query"));
        assertThat(text("preview-status")).isEqualTo("insured normally");
        assertThat(_get(TextField.class, spec -> spec.withId("transfer-phone")).getLabel()).isEqualTo("Mobile number");
        _setValue(_get(TextField.class, spec -> spec.withId("transfer-phone")), "139");
        _click(button("transfer-submit"));
        assertThat(text("transfer-error")).isEqualTo("Please enter a valid 11-digit mobile number");
        _setValue(_get(TextField.class, spec -> spec.withId("transfer-phone")), "13912340005");
        _click(button("transfer-submit"));
        TransferCase c = transfers.list(person, null, 10).get(0);
        assertThat(text("transfer-submitted"))
                .isEqualTo("Application submitted, serial " + c.getSerialNo() + ", status: under review in the out-area");

        UI.getCurrent().navigate("insured/transfers");
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Transfer progress");
        @SuppressWarnings("unchecked")
        Grid<TransferCase> grid = _get(Grid.class, spec -> spec.withId("transfers"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains(String.valueOf(c.getSerialNo()), "transfer-out",
                "under review in the out-area");

        UI.getCurrent().navigate("transfers/" + c.getId());
        assertThat(_get(H2.class, spec -> spec.withId("view-title")).getText()).isEqualTo("Insurance relationship transfer");
        assertThat(text("case-status")).isEqualTo("under review in the out-area");
        assertThat(text("case-direction")).isEqualTo("transfer-out");
        assertThat(steps()).containsEntry(TransferCases.OUT_REVIEW_TASK, "CURRENT");
        assertThat(text("transfer-steps")).contains("Review in the out-area", "current step", "serial " + c.getSerialNo())
                .doesNotContain("流水号");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Clicks 办理 on the task's row of the inbox and expects the transfer step to open. */
    private void workFromInbox(String taskId, TransferCase c) {
        @SuppressWarnings("unchecked")
        Grid<ClerkInbox.Item> inbox = _get(Grid.class, spec -> spec.withId("inbox"));
        List<String> ids = inbox.getDataProvider().fetch(new Query<>()).map(ClerkInbox.Item::taskId).toList();
        int row = ids.indexOf(taskId);
        assertThat(row).as("task in the inbox").isNotNegative();
        assertThat(GridKt._getFormattedRow(inbox, row)).anySatisfy(cell -> assertThat(cell).startsWith("关系转移接续（转出·跨省）"));
        _click(_get((Component) GridKt._getCellComponent(inbox, row, "actions"), Button.class,
                spec -> spec.withId("work-" + c.getSerialNo())));
        _get(TransferTaskView.class);
    }

    private static void selectArea(String id, String label) {
        ComboBoxKt.selectByLabel(areaBox(id), label);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<PoolingArea> areaBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static void decide(String decision) {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> group = _get(RadioButtonGroup.class, spec -> spec.withId("form-decision"));
        _setValue(group, decision);
    }

    private static Checkbox checkbox(String id) {
        return _get(Checkbox.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static Anchor anchor(String id) {
        return _get(Anchor.class, spec -> spec.withId(id));
    }

    private static String pdfHead(Anchor link) {
        byte[] bytes = DownloadKt._download(link);
        assertThat(bytes.length).isGreaterThan(1000);
        return new String(bytes, 0, 5, StandardCharsets.ISO_8859_1);
    }

    private static String text(String id) {
        Component c = _get(Component.class, spec -> spec.withId(id));
        return c instanceof HasText t ? t.getText() : c.getElement().getTextRecursively();
    }

    /** 办理进度 as shown: step (BPMN id) → data-state, in order. */
    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        _get(Component.class, spec -> spec.withId("transfer-steps")).getChildren()
                .forEach(row -> steps.put(row.getElement().getAttribute("data-step"), row.getElement().getAttribute("data-state")));
        return steps;
    }

    /** The diagram on the screen: BPMN element id → class (completed, active, pending). */
    private static Map<String, String> diagram() {
        Svg svg = _get(Svg.class);
        String markup = svg.getElement().getProperty("innerHTML");
        assertThat(markup).startsWith("<svg");
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList groups = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("g");
            Map<String, String> classes = new LinkedHashMap<>();
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                classes.put(g.getAttribute("data-element-id"), g.getAttribute("class"));
            }
            return classes;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Task task(TransferCase c) {
        return tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
    }

    private TransferStatus status(TransferCase c) {
        return TransferStatus.valueOf(jdbc.sql("SELECT status FROM app.transfer_case WHERE id = ?").param(c.getId())
                .query(String.class).single());
    }

    private long casesOf(String idNumber) {
        return jdbc.sql("SELECT count(*) FROM app.transfer_case WHERE person_id_number = ?").param(idNumber)
                .query(Long.class).single();
    }
}
