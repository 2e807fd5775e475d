package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.TestUsers;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 转移接续 over REST, from the outside with bearer tokens: the person applies and follows the case;
 * the out-area's clerk works the steps; another person, a third area's clerk and an officer get
 * 404 for the case, its progress, diagram, documents and tasks, exactly as for an unknown id.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TransferApiTest {

    static final String PERSON = "350203198211224415";   // fixture: 厦门 350200 since 2013-06, balance 321.09
    static final String STRANGER = "350203199002022213"; // fixture: another insured person of 350200

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void fixtures() {
        for (String[] p : List.of(new String[]{PERSON, "接口甲", "321.09", "2013-06-01"}, new String[]{STRANGER, "接口乙", "0", "2015-01-01"})) {
            if (jdbc.sql("""
                    INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                        person_type, status, employer, demo)
                    VALUES (?, ?, 'M', DATE '1982-11-22', '350200', 'EMPLOYEE', 'IN_SERVICE', 'NORMAL', '测试单位', true)
                    ON CONFLICT DO NOTHING""").params(p[0], p[1]).update() == 1) {
                jdbc.sql("""
                        INSERT INTO app.contribution_period (id_number, pooling_area_code, insurance_type, start_month)
                        VALUES (?, '350200', 'EMPLOYEE', CAST(? AS date))""").params(p[0], p[3]).update();
                jdbc.sql("INSERT INTO app.insurance_account (id_number, balance) VALUES (?, CAST(? AS numeric))")
                        .params(p[0], p[2]).update();
            }
        }
        TestUsers.bind(jdbc, "api-transfer-person", PERSON);
        TestUsers.bind(jdbc, "api-transfer-stranger", STRANGER);
    }

    @Test
    void onlyThePersonAndBothAreasClerksSeeTheCase() throws Exception {
        RequestPostProcessor person = insured("api-transfer-person");
        RequestPostProcessor stranger = insured("api-transfer-stranger");
        RequestPostProcessor xm = clerk("xm-reviewer", "350200");
        RequestPostProcessor cy = clerk("cy-reviewer", "110105");
        RequestPostProcessor hd = clerk("hd-reviewer", "110108");
        RequestPostProcessor officer = SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("preferred_username", "fj-clearing")
                        .claim("groups", List.of("province-350000")).claim("roles", List.of("officer", "clearing")))
                .authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));

        String preview = body(mvc.perform(get("/api/transfers/out/preview").param("inArea", "110105").with(person)).andReturn().getResponse(), 200);
        assertThat(preview).contains("\"maskedIdNumber\":\"350*****4415\"", "\"balance\":321.09").doesNotContain(PERSON);
        MockHttpServletResponse sameArea = mvc.perform(get("/api/transfers/out/preview").param("inArea", "350200").with(person))
                .andReturn().getResponse();
        assertThat(body(sameArea, 422)).contains("转入地与转出地相同", "nothing to transfer");

        String created = body(mvc.perform(json(post("/api/transfers/out"), "{\"inAreaCode\":\"110105\",\"phone\":\"13900001234\"}")
                .with(person)).andReturn().getResponse(), 200);
        assertThat(created).contains("\"status\":\"OUT_AREA_REVIEW\"", "\"personIdNumber\":\"350*****4415\"").doesNotContain(PERSON);
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String pi = jdbc.sql("SELECT process_instance_id FROM app.transfer_case WHERE id = CAST(? AS uuid)").param(id)
                .query(String.class).single();
        String task = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();

        for (String path : List.of("/api/transfers/" + id, "/api/transfers/" + id + "/progress", "/api/transfers/" + id + "/diagram.svg",
                "/api/transfers/" + id + "/certificate.pdf", "/api/transfers/" + id + "/information-sheet.pdf")) {
            for (RequestPostProcessor nobody : List.of(stranger, hd, officer)) {
                assertThat(mvc.perform(get(path).with(nobody)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
            }
        }
        assertThat(body(mvc.perform(get("/api/transfers").with(stranger)).andReturn().getResponse(), 200)).doesNotContain(id);
        assertThat(body(mvc.perform(get("/api/transfers").with(hd)).andReturn().getResponse(), 200)).doesNotContain(id);
        for (RequestPostProcessor notTheirs : List.of(hd, cy, stranger)) {
            assertThat(mvc.perform(get("/api/transfer-tasks/" + task).with(notTheirs)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(mvc.perform(json(post("/api/transfer-tasks/" + task), "{\"decision\":\"REFUSE\",\"refuseReason\":\"x\"}")
                    .with(notTheirs)).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(jdbc.sql("SELECT status FROM app.transfer_case WHERE id = CAST(? AS uuid)").param(id).query(String.class).single())
                .isEqualTo("OUT_AREA_REVIEW");

        // the out-area reviews and transfers out; the certificate is then there for the person and both areas
        assertThat(body(mvc.perform(get("/api/transfer-tasks/" + task).with(xm)).andReturn().getResponse(), 200))
                .contains("\"taskKey\":\"Task_ReviewTransferOut\"");
        body(mvc.perform(json(post("/api/transfer-tasks/" + task), "{\"decision\":\"APPROVE\"}").with(xm)).andReturn().getResponse(), 200);
        String transferOut = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
        assertThat(body(mvc.perform(json(post("/api/transfer-tasks/" + transferOut), "{\"decision\":\"MAYBE\"}").with(xm))
                .andReturn().getResponse(), 422)).contains("APPROVE");
        assertThat(body(mvc.perform(json(post("/api/transfer-tasks/" + transferOut), "{\"decision\":\"APPROVE\"}").with(xm))
                .andReturn().getResponse(), 200)).contains("\"status\":\"TRANSFERRING_IN\"", "\"balance\":321.09");

        MockHttpServletResponse pdf = mvc.perform(get("/api/transfers/" + id + "/certificate.pdf").with(person)).andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(TransferIntegrationTest.text(pdf.getContentAsByteArray())).contains("接口甲", "叁佰贰拾壹元零玖分");
        assertThat(mvc.perform(get("/api/transfers/" + id + "/information-sheet.pdf").with(cy)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/transfers/" + id + "/certificate.pdf").with(stranger)).andReturn().getResponse().getStatus()).isEqualTo(404);

        String steps = body(mvc.perform(get("/api/transfers/" + id + "/progress").with(person)).andReturn().getResponse(), 200);
        assertThat(steps).contains("\"activityId\":\"Task_TransferIn\"", "\"state\":\"CURRENT\"");
        String svg = body(mvc.perform(get("/api/transfers/" + id + "/diagram.svg").with(cy)).andReturn().getResponse(), 200);
        assertThat(svg).startsWith("<svg").contains("data-element-id=\"Task_TransferIn\"");

        // the received amount is checked to the fen and never rounded
        String transferIn = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
        assertThat(body(mvc.perform(json(post("/api/transfer-tasks/" + transferIn), "{\"decision\":\"APPROVE\",\"balanceReceived\":321.091}")
                .with(cy)).andReturn().getResponse(), 422)).contains("最多两位小数");
        assertThat(body(mvc.perform(json(post("/api/transfer-tasks/" + transferIn), "{\"decision\":\"APPROVE\",\"balanceReceived\":321.09}")
                .with(cy)).andReturn().getResponse(), 200)).contains("\"status\":\"COMPLETED\"");

        String doc = body(mvc.perform(get("/api/public/openapi")).andReturn().getResponse(), 200);
        assertThat(doc).contains("\"/api/transfers/out\"", "\"/api/transfers/in\"", "\"/api/transfers/{id}/progress\"",
                "\"/api/transfers/{id}/certificate.pdf\"", "\"/api/transfer-tasks/{taskId}\"");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String body(MockHttpServletResponse r, int status) throws Exception {
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as(text).isEqualTo(status);
        return text;
    }

    private static RequestPostProcessor insured(String username) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    private static RequestPostProcessor clerk(String username, String area) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", "reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }
}
