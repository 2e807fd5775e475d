package cn.gov.ybj.crossprov.filing;

import org.springframework.jdbc.core.simple.JdbcClient;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static cn.gov.ybj.crossprov.filing.FilingIntegrationTest.application;
import static cn.gov.ybj.crossprov.TestUsers.clerk;
import static cn.gov.ybj.crossprov.TestUsers.insured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** 办件进度: the person's items from the business tables, each item's steps from the engine's history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CaseProgressIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void bindTestAccounts() {
        cn.gov.ybj.crossprov.TestUsers.bindAll(jdbc);
    }

    static final String ZHANGWEI = "110105195803120029";
    static final String LI_JIANHUA = "110105195607080031"; // 张伟's linked spouse
    static final AppUser zhangwei = insured("zhangwei", ZHANGWEI);
    static final AppUser linfang = insured("linfang", "350206199001015563");
    static final AppUser cyReviewer = clerk("cy-reviewer", "110105", "REVIEWER");

    @Autowired
    FilingManagement filings;
    @Autowired
    ClerkInbox inbox;
    @Autowired
    MockMvc mvc;

    @Test
    void aFamilyMembersFilingShowsItsStepsWithTheReviewCurrentUntilDecided() throws Exception {
        Filing f = filings.submit(zhangwei, application(LI_JIANHUA, "110105", "310000", FilingType.OTHER_TEMPORARY,
                LocalDate.of(2035, 1, 1), LocalDate.of(2035, 2, 28), List.of()), "progress-1");

        CaseProgress item = itemOf(zhangwei, f);
        assertThat(item.kind()).isEqualTo(CaseProgress.Kind.FILING);
        assertThat(item.reference()).isEqualTo(f.applicationSerial());
        assertThat(item.state()).isEqualTo("申办中");
        assertThat(item.pending()).isTrue();
        List<CaseProgress.Step> steps = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(steps).extracting(CaseProgress.Step::name).startsWith("收到备案申请", "校验参保状态").endsWith("审核备案申请");
        assertThat(steps).filteredOn(CaseProgress.Step::current).extracting(CaseProgress.Step::name).containsExactly("审核备案申请");

        // nobody else sees the item or its steps, from the service or through the API
        assertThat(filings.progress(linfang)).noneMatch(p -> p.processInstanceId().equals(f.processInstanceId()));
        assertThat(filings.progressSteps(linfang, f.processInstanceId())).isEmpty();
        assertThat(filings.progress(cyReviewer)).isEmpty();
        mvc.perform(get("/api/me/progress/" + f.processInstanceId()).with(token("linfang", "350206199001015563")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        String mine = mvc.perform(get("/api/me/progress/" + f.processInstanceId()).with(token("zhangwei", ZHANGWEI)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("审核备案申请", "\"current\":true");

        String task = inbox.page(cyReviewer, ClerkInbox.Filter.ALL, 0, 500).stream()
                .filter(t -> t.processInstanceId().equals(f.processInstanceId())).findFirst().orElseThrow().taskId();
        filings.approve(cyReviewer, task);

        CaseProgress done = itemOf(zhangwei, f);
        assertThat(done.state()).isEqualTo("备案成功");
        assertThat(done.pending()).isFalse();
        List<CaseProgress.Step> after = filings.progressSteps(zhangwei, f.processInstanceId());
        assertThat(after).extracting(CaseProgress.Step::name).contains("审核备案申请", "开通备案");
        assertThat(after).filteredOn(s -> s.name().equals("审核备案申请")).allMatch(s -> !s.current() && s.endedAt() != null);

        // the records API offers what 我的备案 offers: an opened quick filing may be cancelled (004: no 信息变更 online)
        String details = mvc.perform(get("/api/filings/" + f.id()).with(token("zhangwei", ZHANGWEI)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(details).contains("\"actions\":[\"CANCEL\",\"DETAILS\"]");
    }

    private CaseProgress itemOf(AppUser user, Filing f) {
        return filings.progress(user).stream().filter(p -> p.processInstanceId().equals(f.processInstanceId()))
                .findFirst().orElseThrow();
    }

    private static RequestPostProcessor token(String username, String idNumber) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", username)
                        .claim("id_number", idNumber))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }
}
