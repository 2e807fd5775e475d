package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.TestUsers;
import cn.gov.ybj.crossprov.filing.cancellation.Cancellation;
import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.DemoRegistryGenerator;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 17: English beside Chinese — every step a filing case records, its status in each tab, its
 * case progress, and the API's details — and a 新农合 person filing with the four 险种 of 附件1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingEnglishIntegrationTest {

    // persons of this test only (born 1931: no demo person is), insured in 北京朝阳 110105, a quick-filing area
    static final String HE_MING = DemoRegistryGenerator.withCheck("11010519310101771");
    static final String NIU_LAN = DemoRegistryGenerator.withCheck("11010519310102782");   // 新农合
    static final AppUser heMing = insured("english-heming", HE_MING);
    static final AppUser niuLan = insured("english-niulan", NIU_LAN);
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser cyCounter = clerk("cy-counter", "110105", "COUNTER");

    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

    @Autowired
    FilingManagement filings;
    @Autowired
    FilingCancellations cancellations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void persons() {
        person(HE_MING, "何明", "EMPLOYEE", "IN_SERVICE");
        person(NIU_LAN, "牛兰", "NCMS", "RESIDENT");
        TestUsers.bindAll(jdbc);
    }

    private void person(String id, String name, String type, String personType) {
        jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, demo)
                VALUES (?, ?, 'F', DATE '1931-01-01', '110105', ?, ?, 'NORMAL', NULL, true) ON CONFLICT DO NOTHING""")
                .params(id, name, type, personType).update();
        jdbc.sql("""
                INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month)
                SELECT ?, '110105', ?, DATE '2010-01-01'
                WHERE NOT EXISTS (SELECT 1 FROM app.contribution_period WHERE id_number = ?)""")
                .params(id, type, id).update();
        assertThat(jdbc.sql("SELECT insurance_type FROM app.insurance_record WHERE id_number = ?").param(id)
                .query(String.class).single()).isEqualTo(type);
    }

    static FilingApplication application(String person, InsuranceType type, LocalDate start) {
        return new FilingApplication(person, "110105", "440100", type, FilingType.OTHER_TEMPORARY, start, start.plusDays(27),
                "联系人", "13800138000", "广州市演示路 9 号", null, false, false, false, true, true, List.of());
    }

    private String taskOf(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    @Test
    void everyStepOfAFilingCaseIsRecordedInEnglishTooAndTheApiAndProgressSayIt() throws Exception {
        LocalDate start = LocalDate.of(2036, 3, 2);
        Filing f = filings.submit(heMing, application(HE_MING, InsuranceType.EMPLOYEE, start), UUID.randomUUID().toString());
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_QUICK);
        assertThat(f.statusLabelEn()).isEqualTo("In progress");

        Filing returned = filings.returnForCorrection(cyReviewer, taskOf(f.processInstanceId()), "联系电话有误");
        assertThat(returned.statusLabel()).isEqualTo("备案失败");
        assertThat(returned.statusLabelEn()).isEqualTo("Filing failed");
        filings.resubmit(heMing, f.id(), application(HE_MING, InsuranceType.EMPLOYEE, start));
        Filing opened = filings.approve(cyReviewer, taskOf(f.processInstanceId()));
        assertThat(opened.statusLabel()).isEqualTo("备案成功");
        assertThat(opened.statusLabelEn()).isEqualTo("Filed");

        Cancellation c = cancellations.request(heMing, f.id());
        assertThat(c.status()).isEqualTo(Cancellation.Status.PENDING);
        cancellations.approve(cyReviewer, taskOf(c.processInstanceId()));
        Filing closed = filings.find(heMing, f.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(FilingStatus.CLOSED);
        assertThat(closed.statusLabelEn()).isEqualTo("Closed");

        List<Filing.Event> history = filings.history(heMing, f.id());
        assertThat(history).extracting(Filing.Event::action).containsExactly("提交备案申请", "审核退回", "修改备案后重新提交",
                "审核通过，备案成功", "提交取消备案申请，等待审核", "取消备案，备案已关闭");
        assertThat(history).extracting(Filing.Event::actionEn).containsExactly("Filing application submitted",
                "Returned for correction", "Corrected and resubmitted", "Approved; filed", "Cancellation requested; awaiting review",
                "Filing cancelled and closed");
        assertThat(history).allSatisfy(e -> assertThat(e.actionEn()).isNotBlank().isNotEqualTo(e.action()).doesNotContainPattern(HAN));
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing_event WHERE filing_id = ? AND action_en IS NULL").param(f.id())
                .query(Long.class).single()).as("stored, not only made up on reading").isZero();

        // the API: the status and every step in both languages
        JsonNode details = new ObjectMapper().readTree(mvc.perform(get("/api/filings/" + f.id()).with(insuredToken(heMing.username(), HE_MING)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(details.path("filing").path("statusLabel").asText()).isEqualTo("已关闭");
        assertThat(details.path("filing").path("statusLabelEn").asText()).isEqualTo("Closed");
        List<String> actionsEn = new ArrayList<>();
        details.path("history").forEach(e -> actionsEn.add(e.path("actionEn").asText()));
        assertThat(actionsEn).hasSize(6).first().isEqualTo("Filing application submitted");
        assertThat(details.path("history").get(0).path("action").asText()).isEqualTo("提交备案申请");

        // 办件进度: the item's state and the steps of its case
        CaseProgress item = filings.progress(heMing).stream()
                .filter(p -> p.kind() == CaseProgress.Kind.FILING && f.id().equals(p.filingId())).findFirst().orElseThrow();
        assertThat(item.state()).isEqualTo("已关闭");
        assertThat(item.stateEn()).isEqualTo("Closed");
        CaseProgress cancellation = filings.progress(heMing).stream()
                .filter(p -> p.kind() == CaseProgress.Kind.CANCELLATION && f.id().equals(p.filingId())).findFirst().orElseThrow();
        assertThat(cancellation.stateEn()).isEqualTo("Closed");
        List<CaseProgress.Step> steps = filings.progressSteps(heMing, f.processInstanceId());
        assertThat(steps).isNotEmpty().allSatisfy(s ->
                assertThat(s.nameEn()).isNotBlank().isNotEqualTo(s.name()).doesNotContainPattern(HAN));
        assertThat(steps).extracting(CaseProgress.Step::nameEn).containsExactly("Application submitted", "Returned for correction",
                "Resubmitted", "Filed");
        assertThat(filings.progressSteps(heMing, cancellation.processInstanceId())).extracting(CaseProgress.Step::nameEn)
                .containsExactly("Application submitted", "Review by the agency", "Filing cancelled");
    }

    /** 附件1's 险种 新农合: the counter files for a 新农合 person, and the form ticks that box. */
    @Test
    void aNewRuralCooperativePersonFilesAndTheRegistrationFormTicksXinNongHe() throws Exception {
        LocalDate start = LocalDate.of(2036, 4, 6);
        Filing f = filings.submit(cyCounter, application(NIU_LAN, InsuranceType.NCMS, start), UUID.randomUUID().toString());
        assertThat(f.status()).as(String.valueOf(f.statusReason())).isEqualTo(FilingStatus.OPENED);
        assertThat(f.insuranceType()).isEqualTo(InsuranceType.NCMS);
        assertThat(jdbc.sql("SELECT insurance_type FROM app.filing WHERE id = ?").param(f.id()).query(String.class).single())
                .isEqualTo("NCMS");
        assertThat(filings.history(cyCounter, f.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("窗口经办人员即时审核确认，备案成功");
            assertThat(e.actionEn()).isEqualTo("Confirmed on the spot by the counter clerk; filed");
        });

        JsonNode details = new ObjectMapper().readTree(mvc.perform(get("/api/filings/" + f.id()).with(insuredToken(niuLan.username(), NIU_LAN)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(details.path("filing").path("insuranceType").asText()).isEqualTo("NCMS");

        byte[] pdf = mvc.perform(get("/api/filings/" + f.id() + "/registration-form.pdf").with(insuredToken(niuLan.username(), NIU_LAN)))
                .andReturn().getResponse().getContentAsByteArray();
        String form;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            form = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
        assertThat(form.replaceAll("\\s", "")).contains("□1.职工医保", "□2.城乡居民医保", "□3.城镇居民医保", "■4.新农合");

        // the filing must name the person's own scheme: the merged one is a mismatch
        assertThatThrownBy(() -> filings.submit(cyCounter, application(NIU_LAN, InsuranceType.RESIDENT, start.plusYears(1)),
                UUID.randomUUID().toString())).isInstanceOf(BusinessRuleException.class).hasMessageContaining("险种不符")
                .hasMessageContaining("新农合");
    }
}
