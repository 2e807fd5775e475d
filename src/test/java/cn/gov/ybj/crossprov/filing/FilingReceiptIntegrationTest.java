package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.change.FilingChange;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.filing.change.FilingChanges;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoice;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoices;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.clerkToken;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static cn.gov.ybj.crossprov.TestUsers.insuredToken;
import static cn.gov.ybj.crossprov.filing.FilingIntegrationTest.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 备案回执 (issue 18): every opened filing, whichever way it was filed, has a receipt for its owner
 * and the counter, with the filing number, the serial, the masked person, the period, the
 * destination, the status and the agency; another person's or another area's gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilingReceiptIntegrationTest {

    static final String CHENJING = "350203196209151238";   // 厦门 350200, self-service; 高血压 (demo qualification)
    static final String LINFANG = "350206199001015563";    // 厦门 350200
    static final String ZHANGWEI = "110105195803120029";   // 北京朝阳 110105, quick filing
    static final String LI_JIANHUA = "110105195607080031"; // 张伟's linked spouse
    static final String WANG_JIANHUA = "110105198002080630"; // 110105, no account: counter
    static final String REN = "350206196301159864";        // 任春梅, 厦门 350200, self-service
    static final String ANDINGMEN_TCM = "1100001006929";   // 北京安定门中医医院

    static final AppUser chenjing = insured("chenjing", CHENJING);
    static final AppUser zhangwei = insured("zhangwei", ZHANGWEI);
    static final AppUser ren = insured("chg-ren", REN);
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");
    static final AppUser cyCounter = clerk("cy-counter", "110105", "COUNTER");
    static final AppUser xmReviewer = clerk("xm-reviewer", "350200", "REVIEWER");

    @Autowired
    FilingManagement filings;
    @Autowired
    FilingChanges changes;
    @Autowired
    ChronicChoices chronic;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    TaskService tasks;
    @Autowired
    PoolingAreas areas;
    @Autowired
    Divisions divisions;
    @Autowired
    InstitutionImport institutions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
        try (InputStream seed = new ClassPathResource("reference/institutions-seed.csv").getInputStream()) {
            assertThat(institutions.importCsv(seed, false).ok()).isTrue();
        }
    }

    @Test
    void aSelfServiceFilingHasAReceiptForItsOwnerAndNobodyElse() throws Exception {
        Filing f = filings.submit(chenjing, application(CHENJING, "350200", "110000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2050, 1, 1), LocalDate.of(2050, 2, 28), List.of()), UUID.randomUUID().toString());
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_SELF_SERVICE);
        assertReceipt(f, insuredToken("chenjing", CHENJING));
        assertThat(receiptStatus(f, insuredToken("linfang", LINFANG))).as("another person").isEqualTo(404);
        assertThat(receiptStatus(f, clerkToken("cy-counter", "110105", "counter"))).as("another area's counter").isEqualTo(404);
        assertThat(receiptStatus(f, clerkToken("xm-counter", "350200", "counter"))).as("its area's counter").isEqualTo(200);
    }

    @Test
    void aQuickFilingHasItsReceiptOnceApprovedNotBefore() throws Exception {
        Filing f = filings.submit(zhangwei, application(LI_JIANHUA, "110105", "350200", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2045, 1, 1), LocalDate.of(2045, 2, 28), List.of()), UUID.randomUUID().toString());
        assertThat(f.channel()).isEqualTo(Channel.NATIONAL_APP_QUICK);
        assertThat(receiptStatus(f, insuredToken("zhangwei", ZHANGWEI))).as("申办中: nothing to certify yet").isEqualTo(422);

        String task = inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500).stream()
                .filter(t -> t.processInstanceId().equals(f.processInstanceId())).findFirst().orElseThrow().taskId();
        Filing opened = filings.approve(cyReviewer, task);
        assertReceipt(opened, insuredToken("zhangwei", ZHANGWEI));
        assertReceipt(opened, clerkToken("cy-counter", "110105", "counter"));
        assertThat(receiptStatus(opened, insuredToken("chenjing", CHENJING))).isEqualTo(404);
    }

    @Test
    void aCounterFilingHasAReceiptAtTheCounter() throws Exception {
        Filing f = filings.submit(cyCounter, application(WANG_JIANHUA, "110105", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2046, 1, 1), LocalDate.of(2046, 2, 28), List.of()), UUID.randomUUID().toString());
        assertThat(f.channel()).isEqualTo(Channel.LOCAL);
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        assertReceipt(f, clerkToken("cy-counter", "110105", "counter"));
        assertThat(receiptStatus(f, clerkToken("xm-counter", "350200", "counter"))).isEqualTo(404);
    }

    @Test
    void aChangedFilingsReceiptShowsItsValuesAsChanged() throws Exception {
        Filing f = filings.submit(ren, application(REN, "350200", "110000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2044, 1, 1), LocalDate.of(2044, 2, 28), List.of()), UUID.randomUUID().toString());
        FilingChangeRecord change = changes.request(ren, f.id(), FilingChange.of(null, LocalDate.of(2044, 3, 31), null, null, null));
        assertThat(change.status()).isEqualTo(FilingChangeRecord.Status.APPLIED);
        Filing changed = filings.find(ren, f.id()).orElseThrow();
        String text = assertReceipt(changed, insuredToken("chg-ren", REN));
        assertThat(text).contains("2044-01-01 至 2044-03-31").doesNotContain("2044-02-28");
    }

    @Test
    void aFilingWithAChronicInstitutionChoiceHasAReceipt() throws Exception {
        Filing f = filings.submit(chenjing, application(CHENJING, "350200", "110000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2051, 1, 1), LocalDate.of(2051, 1, 28), List.of()), UUID.randomUUID().toString());
        // an institution no other test chooses for her 高血压: one choice per disease and institution
        ChronicChoice c = chronic.choose(chenjing, f.id(), "M03900", ANDINGMEN_TCM);
        chronic.approve(xmReviewer, tasks.createTaskQuery().processInstanceBusinessKey(c.serial()).singleResult().getId());
        assertReceipt(filings.find(chenjing, f.id()).orElseThrow(), insuredToken("chenjing", CHENJING));
    }

    /** The receipt's text: who (masked), what, where, until when, in which state, and which agency to ask. */
    private String assertReceipt(Filing f, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/filings/" + f.id() + "/receipt.pdf").with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument d = Loader.loadPDF(response.getContentAsByteArray())) {
            text = new PDFTextStripper().getText(d);
        }
        PoolingArea area = areas.find(f.insuredAreaCode()).orElseThrow();
        assertThat(f.filingNumber()).isNotBlank();
        assertThat(text).contains("跨省异地就医备案回执", f.filingNumber(), f.applicationSerial(),
                PersonNames.mask(f.personName()), IdNumber.mask(f.personIdNumber()),
                f.startDate() + " 至 " + f.endDate(), divisions.name(f.treatmentAreaCode()).orElseThrow(),
                f.statusLabel(), area.agencyName(), area.agencyPhone());
        assertThat(text).as("masked: a receipt may be shown to others")
                .doesNotContain(f.personIdNumber(), f.personName());
        return text;
    }

    private int receiptStatus(Filing f, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/filings/" + f.id() + "/receipt.pdf").with(who)).andReturn().getResponse().getStatus();
    }
}
