package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.clearing.ClearingTestData.Expected;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 月度清算 from the outside (MockMvc with the realms' tokens): the national centre reads everything; a
 * provincial officer their province's tables and its row and column of 附件7, another province's
 * tables 403; months not generated 404, malformed paths 400; insured persons and clerks 403, no token 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClearingApiTest {

    static final YearMonth MAY = YearMonth.of(2025, 5);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MonthlyClearing clearing;

    Expected may;

    @BeforeAll
    void generate() {
        ClearingTestData.insert(jdbc, MAY, "CLR2505", 3_000);
        may = ClearingTestData.expected(jdbc, MAY, "CLR2505");
        clearing.generate(ClearingTablesTest.CENTRE, MAY);
    }

    static RequestPostProcessor officer(String group, String... roles) {
        return jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("preferred_username", "clearing-" + group)
                        .claim("groups", List.of(group)).claim("roles", List.of(roles)))
                .authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));
    }

    static final RequestPostProcessor CENTRE = officer("national-centre", "officer", "clearing");
    static final RequestPostProcessor BEIJING = officer("province-110000", "officer", "clearing");

    JsonNode ok(String url, RequestPostProcessor token) throws Exception {
        MvcResult r = mvc.perform(get(url).with(token)).andReturn();
        assertThat(r.getResponse().getStatus()).as(url + " " + r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    MvcResult call(String url, RequestPostProcessor token) throws Exception {
        return token == null ? mvc.perform(get(url)).andReturn() : mvc.perform(get(url).with(token)).andReturn();
    }

    int status(String url, RequestPostProcessor token) throws Exception {
        return call(url, token).getResponse().getStatus();
    }

    static BigDecimal amount(JsonNode n) {
        return n.decimalValue().setScale(2);
    }

    @Test
    void theNationalCentreReadsTheMonthTheMatrixAndEveryProvincesTables() throws Exception {
        JsonNode month = ok("/api/clearing/2025-05", CENTRE);
        assertThat(month.path("month").asText()).isEqualTo("2025-05");
        assertThat(month.path("status").asText()).isEqualTo("CONFIRMING");
        assertThat(month.path("settlements").asLong()).isEqualTo(may.cleared().size());
        assertThat(month.path("provinces").size()).isGreaterThanOrEqualTo(32);

        JsonNode matrix = ok("/api/clearing/2025-05/matrix", CENTRE);
        int provinces = matrix.path("provinces").size();
        assertThat(matrix.path("cells").size()).isEqualTo(provinces * (provinces - 1));
        assertThat(amount(matrix.path("grandTotal"))).isEqualByComparingTo(may.sum(s -> true));
        for (JsonNode cell : matrix.path("cells")) {
            String r = cell.path("receivingProvince").asText();
            String c = cell.path("payingProvince").asText();
            assertThat(amount(cell.path("amount"))).as(r + "←" + c)
                    .isEqualByComparingTo(may.sum(s -> s.medicalProvince().equals(r) && s.insuredProvince().equals(c)));
        }

        JsonNode payable = ok("/api/clearing/2025-05/provinces/350000/tables/PAYABLE", CENTRE);
        assertThat(payable.path("kind").asText()).isEqualTo("PAYABLE");
        assertThat(payable.path("provinceName").asText()).isEqualTo("福建省");
        assertThat(amount(payable.path("total").path("total"))).isEqualByComparingTo(may.sum(s -> s.insuredProvince().equals("350000")));
        JsonNode byArea = ok("/api/clearing/2025-05/provinces/350000/tables/7-6?rows=areas", CENTRE);
        assertThat(byArea.path("rowsBy").asText()).isEqualTo("AREAS");
        assertThat(amount(byArea.path("total").path("total"))).isEqualByComparingTo(may.sum(s -> s.medicalProvince().equals("350000")));
        JsonNode area = ok("/api/clearing/2025-05/provinces/350000/tables/7-2?area=350200", CENTRE);
        assertThat(amount(area.path("total").path("total")))
                .isEqualByComparingTo(may.sum(s -> s.insuredArea().equals("350200") && s.insuranceType().equals("EMPLOYEE")));
    }

    @Test
    void aProvincialOfficerReadsOnlyTheirProvince() throws Exception {
        JsonNode month = ok("/api/clearing/2025-05", BEIJING);
        assertThat(month.path("provinces").size()).isEqualTo(1);
        assertThat(month.path("provinces").get(0).path("province").asText()).isEqualTo("110000");
        assertThat(month.path("settlements").isNull() || month.path("settlements").isMissingNode()).isTrue();

        JsonNode matrix = ok("/api/clearing/2025-05/matrix", BEIJING);
        assertThat(matrix.path("province").asText()).isEqualTo("110000");
        assertThat(matrix.path("grandTotal").isNull() || matrix.path("grandTotal").isMissingNode()).isTrue();
        assertThat(matrix.path("cells").size()).isEqualTo(2 * (matrix.path("provinces").size() - 1));
        for (JsonNode cell : matrix.path("cells")) {
            assertThat(List.of(cell.path("receivingProvince").asText(), cell.path("payingProvince").asText())).contains("110000");
        }
        assertThat(matrix.path("receiving").size()).isEqualTo(1);
        assertThat(amount(matrix.path("paying").get(0).path("amount"))).isEqualByComparingTo(may.sum(s -> s.insuredProvince().equals("110000")));

        for (String table : List.of("PAYABLE", "7-2", "7-3", "7-4", "7-5", "RECEIVABLE")) {
            ok("/api/clearing/2025-05/provinces/110000/tables/" + table, BEIJING);
            ok("/api/clearing/2025-05/provinces/110000/tables/" + table + "?rows=AREAS", BEIJING);
            // another province's tables: 403 with the API's bilingual body
            for (String other : List.of("350000", "440000", "120000")) {
                for (String query : List.of("", "?rows=AREAS", "?area=350200")) {
                    MvcResult r = call("/api/clearing/2025-05/provinces/" + other + "/tables/" + table + query, BEIJING);
                    assertThat(r.getResponse().getStatus()).as(other + " " + table + query).isEqualTo(403);
                    assertThat(JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("messageZh").asText())
                            .isNotBlank();
                }
            }
        }
        // an area of another province inside one's own table is refused, not answered with zeros
        assertThat(status("/api/clearing/2025-05/provinces/110000/tables/PAYABLE?area=350200", BEIJING)).isEqualTo(422);
        // any officer of the province reads (finance too); 福建 sees 福建
        assertThat(ok("/api/clearing/2025-05/matrix", officer("province-350000", "officer", "finance"))
                .path("province").asText()).isEqualTo("350000");
    }

    @Test
    void monthsNotGeneratedAre404AndMalformedPaths400() throws Exception {
        MvcResult missing = call("/api/clearing/2024-12/matrix", CENTRE);
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(JSON.readTree(missing.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("messageZh").asText())
                .isEqualTo("2024-12 的清算表尚未生成");
        assertThat(status("/api/clearing/2024-12", BEIJING)).isEqualTo(404);
        assertThat(status("/api/clearing/2024-12/provinces/110000/tables/PAYABLE", BEIJING)).isEqualTo(404);
        for (String url : List.of("/api/clearing/2025-13/matrix", "/api/clearing/202505/matrix",
                "/api/clearing/2025-05/provinces/110000/tables/7-9", "/api/clearing/2025-05/provinces/110105/tables/PAYABLE",
                "/api/clearing/2025-05/provinces/110000/tables/PAYABLE?rows=CITIES",
                "/api/clearing/2025-05/provinces/110000/tables/PAYABLE?area=1101")) {
            MvcResult r = call(url, CENTRE);
            assertThat(r.getResponse().getStatus()).as(url).isEqualTo(400);
            assertThat(JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).path("messageEn").asText())
                    .as(url).isNotBlank();
        }
    }

    @Test
    void onlyOfficersRead() throws Exception {
        RequestPostProcessor insured = jwt().jwt(j -> j.issuer("http://localhost:1/realms/insured")
                .claim("preferred_username", "clearing-insured")).authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
        RequestPostProcessor clerk = jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks")
                        .claim("preferred_username", "clearing-clerk").claim("groups", List.of("area-110105"))
                        .claim("roles", List.of("reviewer")))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
        for (String url : List.of("/api/clearing/2025-05", "/api/clearing/2025-05/matrix",
                "/api/clearing/2025-05/provinces/110000/tables/PAYABLE")) {
            assertThat(status(url, insured)).as(url).isEqualTo(403);
            assertThat(status(url, clerk)).as(url).isEqualTo(403);
            assertThat(status(url, null)).as(url).isEqualTo(401);
        }
    }

    @Test
    void everyTableDownloadsAsExcelAndPdfWithTheSameAmounts() throws Exception {
        for (String table : List.of("PAYABLE", "EMPLOYEE_FUNDS", "RESIDENT_DEDUCTIONS", "RECEIVABLE")) {
            JsonNode json = ok("/api/clearing/2025-05/provinces/350000/tables/" + table, CENTRE);
            MvcResult xlsx = call("/api/clearing/2025-05/provinces/350000/tables/" + table + ".xlsx", CENTRE);
            assertThat(xlsx.getResponse().getStatus()).as(table).isEqualTo(200);
            assertThat(xlsx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<org.dhatim.fastexcel.reader.Row> rows = sheet(xlsx.getResponse().getContentAsByteArray());
            assertThat(rows.get(0).getCellText(0)).startsWith("福建省跨省异地就医").endsWith("表");
            assertThat(rows.get(2).getCellText(0)).isEqualTo("清算所属月份：2025 年 05 月");
            // header at row 5, then one row per JSON row and the 合计 row, each amount the same number
            boolean totalFirst = table.equals("PAYABLE") || table.equals("RECEIVABLE");
            List<JsonNode> expected = new java.util.ArrayList<>();
            json.path("rows").forEach(expected::add);
            expected.add(json.path("total"));
            for (int i = 0; i < expected.size(); i++) {
                org.dhatim.fastexcel.reader.Row r = rows.get(6 + i);
                JsonNode e = expected.get(i);
                assertThat(r.getCellText(0)).isEqualTo(e.path("name").asText());
                int c = 1;
                if (totalFirst) {
                    assertThat(r.getCellAsNumber(c++).orElseThrow()).isEqualByComparingTo(amount(e.path("total")));
                }
                for (JsonNode a : e.path("amounts")) {
                    assertThat(r.getCellAsNumber(c++).orElseThrow()).as(table + " " + e.path("name").asText()).isEqualByComparingTo(amount(a));
                }
                if (!totalFirst) {
                    assertThat(r.getCellAsNumber(c).orElseThrow()).isEqualByComparingTo(amount(e.path("total")));
                }
            }
            MvcResult pdf = call("/api/clearing/2025-05/provinces/350000/tables/" + table + ".pdf", CENTRE);
            assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
            String text = ClearingProcessIntegrationTest.text(pdf.getResponse().getContentAsByteArray());
            String grand = String.format(java.util.Locale.ROOT, "%,.2f", amount(json.path("total").path("total")));
            assertThat(text).contains("制表单位：（部级经办机构签章）", "清算所属月份：2025 年 05 月", "单位负责人：");
            // a narrow column wraps a long amount: compare without the line breaks
            String compact = text.replaceAll("\\s+", "");
            assertThat(compact).contains(totalFirst ? "合计" + grand : grand);
        }
        // another province's table: 403 as for the JSON
        assertThat(status("/api/clearing/2025-05/provinces/350000/tables/PAYABLE.xlsx", BEIJING)).isEqualTo(403);
        assertThat(status("/api/clearing/2025-05/provinces/350000/tables/PAYABLE.pdf", BEIJING)).isEqualTo(403);

        // 附件7: the grand total and a cell in Excel; the PDF in blocks of provinces with the 合计 column last
        JsonNode matrix = ok("/api/clearing/2025-05/matrix", CENTRE);
        List<org.dhatim.fastexcel.reader.Row> m = sheet(call("/api/clearing/2025-05/matrix.xlsx", CENTRE).getResponse().getContentAsByteArray());
        int provinces = matrix.path("provinces").size();
        org.dhatim.fastexcel.reader.Row totals = m.get(5 + 1 + provinces);
        assertThat(totals.getCellText(0)).isEqualTo("合计");
        assertThat(totals.getCellAsNumber(provinces + 1).orElseThrow()).isEqualByComparingTo(amount(matrix.path("grandTotal")));
        assertThat(m.get(6).getCellText(1)).isEqualTo("——");
        String matrixPdf = ClearingProcessIntegrationTest.text(call("/api/clearing/2025-05/matrix.pdf", CENTRE).getResponse()
                .getContentAsByteArray());
        assertThat(matrixPdf).contains("全国跨省异地就医费用清算表", "（续）付款省");
        assertThat(matrixPdf.replaceAll("\\s+", "")).contains(String.format(java.util.Locale.ROOT, "%,.2f", amount(matrix.path("grandTotal"))));
    }

    static List<org.dhatim.fastexcel.reader.Row> sheet(byte[] xlsx) throws Exception {
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx));
             java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> list = new java.util.ArrayList<>();
            // rows as the sheet holds them; empty rows are absent: index them by their number
            rows.forEach(r -> {
                while (list.size() < r.getRowNum() - 1) {
                    list.add(null);
                }
                list.add(r);
            });
            return list;
        }
    }
}
