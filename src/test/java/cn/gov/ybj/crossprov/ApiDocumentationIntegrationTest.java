package cn.gov.ybj.crossprov;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every 4xx an operation of the API can answer is in the OpenAPI description, with the one error
 * body ({@code ApiError}): checked over every operation under {@code /api/}, not a sample.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiDocumentationIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @Autowired
    MockMvc mvc;

    JsonNode doc() throws Exception {
        var response = mvc.perform(get("/api/public/openapi")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationDocumentsTheErrorsItCanGive() throws Exception {
        JsonNode doc = doc();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                boolean body = op.getValue().has("requestBody");
                boolean parameters = op.getValue().path("parameters").size() > 0;
                boolean isPublic = path.getKey().startsWith("/api/public/");
                expect(missing, where, responses, "401", !isPublic);
                expect(missing, where, responses, "403", !isPublic);
                expect(missing, where, responses, "404", path.getKey().contains("{"));
                expect(missing, where, responses, "400", body || parameters);
                expect(missing, where, responses, "415", body);
                expect(missing, where, responses, "422", WRITES.contains(op.getKey()));
                expect(missing, where, responses, "413", op.getValue().path("requestBody").path("content").has("multipart/form-data"));
                for (Iterator<Map.Entry<String, JsonNode>> codes = responses.fields(); codes.hasNext(); ) {
                    Map.Entry<String, JsonNode> code = codes.next();
                    if (code.getKey().startsWith("4")) {
                        String ref = code.getValue().path("content").path("application/json").path("schema").path("$ref").asText();
                        if (!ref.equals("#/components/schemas/ApiError")) {
                            missing.add(where + " " + code.getKey() + " without the ApiError body");
                        }
                        if (code.getValue().path("description").asText().isBlank()) {
                            missing.add(where + " " + code.getKey() + " without a description");
                        }
                    }
                }
            }
        }
        assertThat(operations).as("operations under /api/").isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void theErrorBodyIsOneSharedSchema() throws Exception {
        JsonNode schema = doc().path("components").path("schemas").path("ApiError");
        assertThat(schema.path("properties").has("messageZh")).isTrue();
        assertThat(schema.path("properties").has("messageEn")).isTrue();
        assertThat(schema.path("properties").has("code")).as("the settlement APIs' code").isTrue();
        assertThat(schema.path("required").toString()).contains("messageZh", "messageEn");
    }

    @Test
    void descriptionsAreBilingualAndTheControllersOwnAreKept() throws Exception {
        JsonNode paths = doc().path("paths");
        JsonNode upload = paths.path("/api/hospital/settlements").path("post").path("responses");
        assertThat(upload.path("422").path("description").asText()).contains("业务规则", "business rule");
        assertThat(upload.path("409").path("description").asText()).contains("SETTLEMENT_NO_REUSED");
        assertThat(upload.path("401").path("description").asText()).contains("令牌", "token");
        assertThat(upload.path("403").path("description").asText()).contains("角色", "role");
        // a response the controller documents keeps its words and gets the error body
        JsonNode slip404 = paths.path("/api/hospital/settlements/{settlementNo}/slip.pdf").path("get").path("responses").path("404");
        assertThat(slip404.path("description").asText()).isEqualTo("no settlement of this institution with that number");
        JsonNode filing = paths.path("/api/filings").path("post").path("responses");
        assertThat(filing.path("400").path("description").asText()).contains("字段", "field");
        assertThat(filing.path("413").path("description").asText()).contains("10 MB");
        // public reference data needs no token
        JsonNode divisions = paths.path("/api/public/divisions").path("get").path("responses");
        assertThat(divisions.has("401")).isFalse();
        assertThat(divisions.has("400")).as("has a query parameter").isTrue();
    }

    /** The documented 401 body is what the API answers without a token. */
    @Test
    void aMissingTokenAnswersTheDocumentedBody() throws Exception {
        var response = mvc.perform(get("/api/filings")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.path("messageZh").asText()).contains("未登录");
        assertThat(body.path("messageEn").asText()).contains("bearer token");

        var bad = mvc.perform(get("/api/filings").header("Authorization", "Bearer not-a-token")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(401);
        assertThat(bad.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(JSON.readTree(bad.getContentAsString(StandardCharsets.UTF_8)).path("messageEn").asText()).contains("bearer token");
    }

    private static void expect(List<String> missing, String where, JsonNode responses, String code, boolean expected) {
        if (expected && !responses.has(code)) {
            missing.add(where + " without " + code);
        }
    }
}
