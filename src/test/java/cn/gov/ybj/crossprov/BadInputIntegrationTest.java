package cn.gov.ybj.crossprov;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * "Bad input never gives a 500": every write API under /api gets malformed, hostile or oversized
 * input and must answer 4xx with {messageZh, messageEn} naming the field, writing nothing. The cases
 * are generated from a few valid bodies: to cover a new endpoint, add its valid body and text
 * fields to {@link #cases()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTest {

    static final String CHENJING = "350203196209151238";
    /** the institution of the hospital system's token (the 北京 seed institution of the demo realm) */
    static final String HOSPITAL_INSTITUTION = "1100001006723";
    /** Characters no text field takes: NUL, BEL, RIGHT-TO-LEFT OVERRIDE, ZERO WIDTH SPACE, BOM. */
    static final List<String> BAD_CHARS = List.of("\u0000", "\u0007", "\u202E", "\u200B", "\uFEFF");
    /** Every table a write API changes; each case must leave all of them as they were. */
    static final List<String> TABLES = List.of("filing", "filing_material", "filing_event", "filing_change",
            "filing_cancellation", "filing_supplement", "chronic_institution_choice", "family_member",
            "designated_institution", "calendar_day", "calendar_year", "account_binding", "account_binding_audit",
            "binding_challenge", "family_link_attempt", "transfer_case", "contribution_period", "insurance_account",
            "settlement", "settlement_key", "settlement_reversal", "settlement_detail", "settlement_ledger",
            "settlement_ledger_submission", "clearing_month", "clearing_province", "clearing_dispute", "clearing_line",
            "clearing_carry", "clearing_finance_step", "prepayment_year", "prepayment_pair", "prepayment_usage", "prepayment_top_up",
            "prepayment_top_up_step", "settlement_suspension", "prepayment_report", "prepayment_report_line", "prepayment_year_finance",
            "prepayment_year_finance_step");
    static final ObjectMapper JSON = new ObjectMapper();

    enum Who { INSURED, CLERK, ADMIN, HOSPITAL, OFFICER, CENTRE }

    /**
     * One bad request. {@code path} may hold {FILING} (an opened commitment-based filing of 陈静).
     * {@code field}: what the answer must name, or null; {@code problem}: false where the API answers
     * with its own report shape (CSV imports).
     */
    record Case(String name, Who who, HttpMethod method, String path, String contentType, byte[] body,
                List<MockMultipartFile> files, Map<String, String> params, Map<String, String> headers,
                Set<Integer> statuses, String field, boolean problem) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingManagement filings;
    @LocalServerPort
    int port;

    Filing commitmentFiling;

    @BeforeAll
    void fixture() {
        commitmentFiling = filings.submit(TestUsers.insured("chenjing", CHENJING), new FilingApplication(CHENJING, "350200",
                "110000", InsuranceType.EMPLOYEE, FilingType.LONG_TERM_RESIDENT, LocalDate.of(2044, 1, 1),
                LocalDate.of(2044, 12, 31), "陈静", "13800138000", "北京市朝阳区示例路 1 号", null, false, false, true, true,
                true, List.of()), "bad-input-fixture");
    }

    // ---- valid bodies the cases are made from ----

    static Map<String, Object> filingBody(String type, LocalDate start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personIdNumber", CHENJING);
        m.put("insuredAreaCode", "350200");
        m.put("treatmentAreaCode", "110000");
        m.put("insuranceType", "EMPLOYEE");
        m.put("filingType", type);
        m.put("startDate", start.toString());
        m.put("endDate", start.plusDays(30).toString());
        m.put("contactName", "陈静");
        m.put("contactPhone", "13800138000");
        m.put("contactAddress", "北京市朝阳区示例路 1 号");
        m.put("institutionCode", "1100001004845");
        m.put("noticeAccepted", true);
        m.put("commitmentAccepted", true);
        return m;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A JSON write API: where, who, a body that would pass the text checks, and its text fields. */
    record JsonApi(String label, Who who, String path, Map<String, String> headers, Map<String, Object> body,
                   List<String> textFields) {
    }

    static List<JsonApi> jsonApis() {
        Map<String, String> key = Map.of("Idempotency-Key", "bad-input");
        Map<String, Object> filing = filingBody("OTHER_TEMPORARY", LocalDate.of(2045, 1, 1));
        List<String> filingText = List.of("personIdNumber", "insuredAreaCode", "treatmentAreaCode", "contactName",
                "contactPhone", "contactAddress", "institutionCode");
        List<String> reason = List.of("decision", "returnReason");
        List<String> refuse = List.of("decision", "refuseReason");
        String task = "/" + UUID.randomUUID();
        return List.of(
                new JsonApi("filing", Who.INSURED, "/api/filings", key, filing, filingText),
                new JsonApi("resubmission", Who.INSURED, "/api/filings/{FILING}/resubmission", Map.of(), filing,
                        List.of("contactName", "contactAddress")),
                new JsonApi("change", Who.INSURED, "/api/filings/{FILING}/changes", Map.of(),
                        map("contactName", "陈静", "contactPhone", "13900139000", "contactAddress", "北京市朝阳区示例路 2 号",
                                "institutionCode", "1100001004845", "treatmentAreaCode", "110000", "employer", "示例公司"),
                        List.of("contactName", "contactPhone", "contactAddress", "institutionCode", "treatmentAreaCode", "employer")),
                new JsonApi("chronic choice", Who.INSURED, "/api/filings/{FILING}/chronic-choices", Map.of(),
                        map("diseaseCode", "M03900", "institutionCode", "1100001004845"), List.of("diseaseCode", "institutionCode")),
                new JsonApi("family member", Who.INSURED, "/api/me/family", Map.of(),
                        map("name", "李四", "idNumber", "110105195607080031", "relationship", "SPOUSE"),
                        List.of("name", "idNumber", "relationship")),
                new JsonApi("binding sms code", Who.INSURED, "/api/me/binding/sms-codes", Map.of(),
                        map("name", "陈静", "idNumber", CHENJING), List.of("name", "idNumber")),
                new JsonApi("binding sms confirm", Who.INSURED, "/api/me/binding/sms-codes/" + UUID.randomUUID() + "/confirm",
                        Map.of(), map("code", "123456"), List.of("code")),
                new JsonApi("counter binding", Who.CLERK, "/api/counter/bindings", Map.of(),
                        map("counterCode", "ABCD-EFGH", "name", "陈静", "idNumber", CHENJING, "idCardSeen", true,
                                "move", true, "reason", "账号遗失"), List.of("counterCode", "name", "idNumber", "reason")),
                new JsonApi("counter family link", Who.CLERK, "/api/counter/family-links", Map.of(),
                        map("ownerName", "张伟", "ownerIdNumber", "110105195803120029", "memberName", "李娜",
                                "memberIdNumber", "110105198602140043", "relationship", "CHILD", "documentsSeen", true),
                        List.of("ownerName", "ownerIdNumber", "memberName", "memberIdNumber", "relationship")),
                new JsonApi("filing review", Who.CLERK, "/api/filing-reviews" + task, Map.of(),
                        map("decision", "RETURN", "returnReason", "材料不清晰"), reason),
                new JsonApi("change review", Who.CLERK, "/api/change-reviews" + task, Map.of(),
                        map("decision", "REFUSE", "refuseReason", "不符合规定"), refuse),
                new JsonApi("cancellation review", Who.CLERK, "/api/cancellation-reviews" + task, Map.of(),
                        map("decision", "REFUSE", "refuseReason", "不符合规定"), refuse),
                new JsonApi("supplement review", Who.CLERK, "/api/supplement-reviews" + task, Map.of(),
                        map("decision", "RETURN", "returnReason", "材料不清晰"), reason),
                new JsonApi("chronic review", Who.CLERK, "/api/chronic-choice-reviews" + task, Map.of(),
                        map("decision", "REFUSE", "refuseReason", "不符合规定"), refuse),
                new JsonApi("transfer out", Who.INSURED, "/api/transfers/out", Map.of(),
                        map("inAreaCode", "110105", "phone", "13900139000"), List.of("inAreaCode", "phone")),
                new JsonApi("transfer in", Who.INSURED, "/api/transfers/in", Map.of(),
                        map("insuranceType", "EMPLOYEE", "outAreaCode", "110105", "inAreaCode", "350200", "phone", "13900139000"),
                        List.of("outAreaCode", "inAreaCode", "phone")),
                new JsonApi("transfer step", Who.CLERK, "/api/transfer-tasks" + task, Map.of(),
                        map("decision", "REFUSE", "refuseReason", "不符合规定"), refuse),
                new JsonApi("hospital settlement", Who.HOSPITAL, "/api/hospital/settlements", Map.of(),
                        map("settlementNo", "BAD-INPUT-1", "personIdNumber", CHENJING, "institutionCode", HOSPITAL_INSTITUTION,
                                "admissionDate", "2026-01-02", "dischargeDate", "2026-01-09", "emergency", false,
                                "categories", List.of(map("category", "西药费", "inScope", 100, "selfPaid", 0)),
                                "diagnosisCodes", List.of("I21.900"), "inpatientNo", "ZY20260001", "admissionWay", "OUTPATIENT",
                                "dischargeDepartment", "心血管内科", "socialSecurityCardNo", "A01234567",
                                "diagnosisNames", List.of("急性心肌梗死")),
                        List.of("personIdNumber", "institutionCode", "inpatientNo", "admissionWay", "dischargeDepartment",
                                "socialSecurityCardNo", "settlementNo")),
                new JsonApi("settlement reversal", Who.HOSPITAL, "/api/hospital/settlements/BAD-INPUT-1/reversal", Map.of(),
                        map("reason", "录入错误"), List.of("reason")),
                new JsonApi("settlement details", Who.HOSPITAL, "/api/hospital/settlements/BAD-INPUT-1/details", Map.of(),
                        map("lines", List.of(map("itemCode", "XA01", "itemName", "阿司匹林", "category", "西药费", "quantity", 1,
                                "unitPrice", 1, "amount", 1)), "batchNo", "B1"), List.of("batchNo")));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonApi api : jsonApis()) {
            // every text field × every refused character
            for (String field : api.textFields()) {
                for (String bad : BAD_CHARS) {
                    Map<String, Object> body = new LinkedHashMap<>(api.body());
                    body.put(field, "正常" + bad + "文本");
                    cases.add(json(api, field + " with " + codePoint(bad), write(body), 400, field));
                }
            }
            String first = api.textFields().get(api.textFields().size() - 1);
            String valid = write(api.body());
            cases.add(json(api, "duplicate key " + first, "{\"" + first + "\":\"x\"," + valid.substring(1), 400, first));
            cases.add(json(api, "malformed JSON", valid.substring(0, valid.length() / 2), 400, null));
            cases.add(json(api, "unescaped NUL in JSON", valid.replaceFirst("\":\"", "\":\"\u0000"), 400, null));
            cases.add(json(api, "empty body", "", 400, null));
            cases.add(json(api, "array instead of object", "[" + valid + "]", 400, null));
            cases.add(json(api, "nested 5000 deep", "{\"" + first + "\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 400, null));
            Map<String, Object> huge = new LinkedHashMap<>(api.body());
            huge.put(first, "长".repeat(20_000));
            cases.add(json(api, first + " of 20000 characters", write(huge), 400, first));
            Map<String, Object> wrongType = new LinkedHashMap<>(api.body());
            wrongType.put(first, List.of("a", "b"));
            cases.add(json(api, first + " as an array", write(wrongType), 400, first));
            cases.add(new Case(api.label() + ": text/plain body", api.who(), HttpMethod.POST, api.path(), "text/plain",
                    utf8(valid), List.of(), Map.of(), api.headers(), Set.of(415), null, true));
        }
        // 月度清算: the texts inside the lists of a dispute and a resolution, named by their path
        String clearingTask = "/api/clearing/tasks/" + UUID.randomUUID();
        JsonApi dispute = new JsonApi("clearing dispute", Who.OFFICER, clearingTask + "/disputes", Map.of(),
                map("disputes", List.of(map("pairProvince", "110000", "reason", "对账结果不符"))), List.of());
        JsonApi resolution = new JsonApi("clearing resolution", Who.CENTRE, clearingTask + "/resolution", Map.of(),
                map("resolutions", List.of(map("pairProvince", "350000", "resolution", "CARRIED_OVER", "note", "下月清算"))), List.of());
        for (String bad : BAD_CHARS) {
            cases.add(json(dispute, "reason with " + codePoint(bad), write(map("disputes", List.of(map("pairProvince", "110000",
                    "reason", "对账" + bad + "不符")))), 400, "disputes[0].reason"));
            cases.add(json(dispute, "pairProvince with " + codePoint(bad), write(map("disputes", List.of(map("pairProvince",
                    "11" + bad + "0000", "reason", "对账不符")))), 400, "disputes[0].pairProvince"));
            cases.add(json(resolution, "note with " + codePoint(bad), write(map("resolutions", List.of(map("pairProvince", "350000",
                    "resolution", "CARRIED_OVER", "note", "下月" + bad + "清算")))), 400, "resolutions[0].note"));
        }
        // 预付金: the texts of a top-up's application, review and steps, and of a suspension request
        String prepaymentTask = "/api/prepayment/tasks/" + UUID.randomUUID();
        List<JsonApi> prepayment = List.of(
                new JsonApi("top-up application", Who.OFFICER, prepaymentTask + "/application", Map.of(),
                        map("amount", 500000, "reason", "使用率红色预警"), List.of("reason")),
                new JsonApi("top-up review", Who.CENTRE, prepaymentTask + "/review", Map.of(),
                        map("approve", true, "amount", 450000, "note", "按审核额度"), List.of("note")),
                new JsonApi("top-up step", Who.OFFICER, prepaymentTask + "/completion", Map.of(), map("note", "凭证 118"), List.of("note")),
                new JsonApi("year's prepayment step", Who.OFFICER, "/api/prepayment/finance-tasks/" + UUID.randomUUID() + "/completion",
                        Map.of(), map("note", "凭证 119"), List.of("note")),
                new JsonApi("suspension request", Who.OFFICER, "/api/prepayment/suspensions", Map.of(),
                        map("payingProvince", "110000", "cause", "CLEARING", "reason", "清算资金逾期"), List.of("payingProvince", "reason")));
        for (JsonApi api : prepayment) {
            for (String field : api.textFields()) {
                for (String bad : BAD_CHARS) {
                    Map<String, Object> body = new java.util.LinkedHashMap<>(api.body());
                    body.put(field, "清算" + bad + "逾期");
                    cases.add(json(api, field + " with " + codePoint(bad), write(body), 400, field));
                }
            }
            String valid = write(api.body());
            cases.add(json(api, "malformed JSON", valid.substring(0, valid.length() / 2), 400, null));
        }
        cases.add(json(prepayment.get(0), "amount as text", write(map("amount", "五十万", "reason", "预警")), 400, "amount"));
        JsonApi report = new JsonApi("initial quota report", Who.OFFICER, "/api/prepayment/2019/initial", Map.of(),
                map("amounts", map("110000", 1200000)), List.of());
        cases.add(json(report, "amount as text", write(map("amounts", map("110000", "一百二十万"))), 400, null));
        cases.add(json(report, "amounts a list", write(map("amounts", List.of(1200000))), 400, "amounts"));
        cases.add(json(report, "malformed JSON", write(report.body()).substring(0, 10), 400, null));
        cases.add(json(prepayment.get(4), "cause FOO", write(map("payingProvince", "110000", "cause", "FOO", "reason", "逾期")), 400, "cause"));
        // a finance step's note (the body is optional: no empty-body case)
        JsonApi completion = new JsonApi("clearing finance step", Who.OFFICER, clearingTask + "/completion", Map.of(),
                map("note", "财政划拨凭证 2025-118"), List.of());
        for (String bad : BAD_CHARS) {
            cases.add(json(completion, "note with " + codePoint(bad), write(map("note", "凭证" + bad + "118")), 400, "note"));
        }
        String validCompletion = write(completion.body());
        cases.add(json(completion, "malformed JSON", validCompletion.substring(0, validCompletion.length() / 2), 400, null));
        cases.add(new Case(completion.label() + ": text/plain body", completion.who(), HttpMethod.POST, completion.path(),
                "text/plain", utf8(validCompletion), List.of(), Map.of(), completion.headers(), Set.of(415), null, true));
        cases.add(json(resolution, "resolution FOO", write(map("resolutions", List.of(map("pairProvince", "350000",
                "resolution", "FOO")))), 400, "resolutions[0].resolution"));
        for (JsonApi api : List.of(dispute, resolution)) {
            String valid = write(api.body());
            cases.add(json(api, "malformed JSON", valid.substring(0, valid.length() / 2), 400, null));
            cases.add(json(api, "empty body", "", 400, null));
            cases.add(new Case(api.label() + ": text/plain body", api.who(), HttpMethod.POST, api.path(), "text/plain",
                    utf8(valid), List.of(), Map.of(), api.headers(), Set.of(415), null, true));
            cases.add(json(api, "unknown task", valid, 404, null));
        }

        // filing specifics: dates, enumerations, booleans, header
        JsonApi filing = jsonApis().get(0);
        for (var bad : List.of(
                Map.entry("startDate", "2043-02-30"), Map.entry("endDate", "01/02/2043"), Map.entry("endDate", "tomorrow"),
                Map.entry("filingType", "FOO"), Map.entry("insuranceType", "employee\u0000"), Map.entry("referral", "maybe"))) {
            Map<String, Object> body = new LinkedHashMap<>(filing.body());
            body.put(bad.getKey(), bad.getValue());
            cases.add(json(filing, bad.getKey() + " = " + JSON.valueToTree(bad.getValue()), write(body), 400, bad.getKey()));
        }
        Map<String, Object> emptyDate = new LinkedHashMap<>(filing.body());
        emptyDate.put("startDate", "");
        cases.add(new Case("filing: startDate empty", Who.INSURED, HttpMethod.POST, "/api/filings", "application/json",
                utf8(write(emptyDate)), List.of(), Map.of(), filing.headers(), Set.of(400, 422), null, true));
        Map<String, Object> dateAsObject = new LinkedHashMap<>(filing.body());
        dateAsObject.put("startDate", Map.of("year", 2043));
        cases.add(json(filing, "startDate as an object", write(dateAsObject), 400, "startDate"));
        String body = write(filing.body());
        cases.add(new Case("filing: no Idempotency-Key", Who.INSURED, HttpMethod.POST, "/api/filings", "application/json",
                utf8(body), List.of(), Map.of(), Map.of(), Set.of(400), "Idempotency-Key", true));
        cases.add(new Case("filing: Idempotency-Key with U+202E", Who.INSURED, HttpMethod.POST, "/api/filings", "application/json",
                utf8(body), List.of(), Map.of(), Map.of("Idempotency-Key", "key\u202Eyek"), Set.of(400), "Idempotency-Key", true));
        cases.add(new Case("filing: Idempotency-Key with NUL", Who.INSURED, HttpMethod.POST, "/api/filings", "application/json",
                utf8(body), List.of(), Map.of(), Map.of("Idempotency-Key", "key\u0000"), Set.of(400), null, true));

        // query parameters and path variables: a bad enumeration or date, or a missing parameter, names it
        cases.add(query("transfers: direction SIDEWAYS", Who.INSURED, "/api/transfers", Map.of("direction", "SIDEWAYS"), "direction"));
        cases.add(query("transfer-in preview: type FOO", Who.INSURED, "/api/transfers/in/preview",
                Map.of("type", "FOO", "outArea", "110105", "inArea", "350200"), "type"));
        cases.add(query("transfer-in preview: no type", Who.INSURED, "/api/transfers/in/preview",
                Map.of("outArea", "110105", "inArea", "350200"), "type"));
        cases.add(query("transfer-out preview: no inArea", Who.INSURED, "/api/transfers/out/preview", Map.of(), "inArea"));
        cases.add(query("settlements: from 2025-02-30", Who.CLERK, "/api/settlements", Map.of("from", "2025-02-30"), "from"));
        cases.add(query("settlements: to 01/02/2025", Who.CLERK, "/api/settlements", Map.of("to", "01/02/2025"), "to"));
        cases.add(query("reconciliation: date path variable 2025-13-01", Who.OFFICER, "/api/reconciliation/days/2025-13-01",
                Map.of(), "date"));
        cases.add(query("clearing: month path variable 2025-13", Who.OFFICER, "/api/clearing/2025-13", Map.of(), "month"));

        // uploads: files that only look like PDF/JPEG/PNG, in a filing and in a supplement
        byte[] application = utf8(write(filingBody("RETIRED_RESETTLED", LocalDate.of(2042, 1, 1))));
        BadFiles.all().forEach((name, content) -> {
            cases.add(upload("filing with " + name, "/api/filings", List.of(applicationPart(application),
                    new MockMultipartFile("materials", name, "application/pdf", content)), Map.of(), 422, null));
            cases.add(upload("supplement with " + name, "/api/filings/{FILING}/supplements",
                    List.of(new MockMultipartFile("files", name, "application/pdf", content)), Map.of(), 422, null));
        });
        cases.add(upload("supplement: a good and a bad file", "/api/filings/{FILING}/supplements", List.of(
                new MockMultipartFile("files", "ok.pdf", "application/pdf", TestUsers.PDF),
                new MockMultipartFile("files", "bad.pdf", "application/pdf", BadFiles.all().get("polyglot.pdf"))), Map.of(), 422, null));
        cases.add(upload("filing: no application part", "/api/filings",
                List.of(new MockMultipartFile("materials", "a.pdf", "application/pdf", TestUsers.PDF)), Map.of(), 400, "application"));
        cases.add(upload("filing: application part not JSON", "/api/filings",
                List.of(applicationPart(utf8("{\"contactName\":"))), Map.of(), 400, null));
        Map<String, Object> badName = filingBody("RETIRED_RESETTLED", LocalDate.of(2042, 1, 1));
        badName.put("contactName", "陈\u202E静");
        cases.add(upload("filing: application part with U+202E", "/api/filings",
                List.of(applicationPart(utf8(write(badName)))), Map.of(), 400, "contactName"));
        for (String bad : BAD_CHARS) {
            cases.add(upload("filing: materialKind with " + codePoint(bad), "/api/filings", List.of(applicationPart(application),
                    new MockMultipartFile("materials", "a.pdf", "application/pdf", TestUsers.PDF)),
                    Map.of("materialKind", "居住证明" + bad), 400, "materialKind"));
        }

        // path variables and unknown ids: 400 naming the variable, or a bilingual 404
        String unknown = "/api/filings/" + UUID.randomUUID();
        cases.add(plain("cancellation of an unknown filing", Who.INSURED, HttpMethod.POST, unknown + "/cancellation", 404, null));
        cases.add(plain("cancellation: id not a UUID", Who.INSURED, HttpMethod.POST, "/api/filings/not-a-uuid/cancellation", 400, "id"));
        cases.add(plain("cancellation: id with U+202E", Who.INSURED, HttpMethod.POST, "/api/filings/\u202E1/cancellation", 400, "id"));
        cases.add(new Case("change of an unknown filing", Who.INSURED, HttpMethod.POST, unknown + "/changes", "application/json",
                utf8("{\"contactName\":\"陈静\"}"), List.of(), Map.of(), Map.of(), Set.of(404), null, true));
        cases.add(upload("supplement of an unknown filing", unknown + "/supplements",
                List.of(new MockMultipartFile("files", "a.pdf", "application/pdf", TestUsers.PDF)), Map.of(), 404, null));
        cases.add(new Case("reason with a line break is fine (unknown task)", Who.CLERK, HttpMethod.POST,
                "/api/filing-reviews/" + UUID.randomUUID(), "application/json",
                utf8("{\"decision\":\"RETURN\",\"returnReason\":\"第一行\\n第二行\"}"), List.of(), Map.of(), Map.of(), Set.of(404, 422), null, true));
        for (String bad : BAD_CHARS) {
            cases.add(plain("family member ref with " + codePoint(bad), Who.INSURED, HttpMethod.DELETE, "/api/me/family/a" + bad, 400, null));
            cases.add(plain("claim task with " + codePoint(bad), Who.CLERK, HttpMethod.POST, "/api/inbox/t" + bad + "/claim", 400, null));
        }
        cases.add(plain("claim an unknown task", Who.CLERK, HttpMethod.POST, "/api/inbox/no-such-task/claim", Set.of(404, 422), null));
        cases.add(plain("unclaim an unknown task", Who.CLERK, HttpMethod.POST, "/api/inbox/no-such-task/unclaim", Set.of(404, 422), null));
        cases.add(plain("unknown API path", Who.INSURED, HttpMethod.POST, "/api/no-such-thing", 404, null));
        cases.add(plain("wrong method", Who.INSURED, HttpMethod.PUT, "/api/filings", 405, null));

        // CSV imports: text checks first, then the importers' own row reports
        String institutionRow = "序号,所属行政区,医疗机构名称,医疗机构编码,医院等级,医疗机构分类,地址\n1,北京市朝阳区,%s,1101050000999,一级甲等,综合医院,北京市朝阳区示例路 9 号\n";
        for (String bad : BAD_CHARS) {
            cases.add(csv("institution import with " + codePoint(bad), "/api/admin/institutions/import",
                    utf8(institutionRow.formatted("示例医院" + bad)), Map.of(), 400, "CSV line 2"));
        }
        cases.add(csv("institution import not UTF-8", "/api/admin/institutions/import",
                institutionRow.formatted("示例医院").getBytes(java.nio.charset.Charset.forName("GB18030")), Map.of(), 400, "CSV"));
        cases.add(csv("institution import empty", "/api/admin/institutions/import", new byte[0], Map.of(), 400, null));
        cases.add(new Case("institution import with a bad row", Who.ADMIN, HttpMethod.POST, "/api/admin/institutions/import",
                "text/csv", utf8(institutionRow.formatted("示例医院").replace("1101050000999", "12")), List.of(), Map.of(),
                Map.of(), Set.of(422), null, false));
        String calendar = "日期,类型,名称\n2031-01-01,HOLIDAY,元%s旦\n";
        for (String bad : BAD_CHARS) {
            cases.add(csv("calendar with " + codePoint(bad), "/api/admin/calendar/2031", utf8(calendar.formatted(bad)), Map.of(), 400, "CSV line 2"));
            cases.add(csv("calendar source with " + codePoint(bad), "/api/admin/calendar/2031", utf8(calendar.formatted("")),
                    Map.of("source", "通知" + bad), 400, "source"));
        }
        cases.add(csv("calendar year not a number", "/api/admin/calendar/abc", utf8(calendar.formatted("")), Map.of(), 400, "year"));
        cases.add(csv("calendar provisional not a boolean", "/api/admin/calendar/2031", utf8(calendar.formatted("")),
                Map.of("provisional", "maybe"), 400, "provisional"));
        cases.add(new Case("calendar with a bad row", Who.ADMIN, HttpMethod.POST, "/api/admin/calendar/2031", "text/csv",
                utf8("日期,类型,名称\n2031-02-30,HOLIDAY,坏日期\n"), List.of(), Map.of(), Map.of(), Set.of(422), null, false));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedWithABilingualMessageAndWritesNothing(Case c) throws Exception {
        Map<String, Long> before = counts();
        var response = mvc.perform(build(c)).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).as(c.name() + ": " + text).isIn(c.statuses());
        assertThat(text).doesNotContain("Exception", "\tat ");
        JsonNode body = JSON.readTree(text);
        if (c.problem()) {
            assertThat(body.path("messageZh").asText()).as(text).isNotBlank();
            assertThat(body.path("messageEn").asText()).as(text).isNotBlank();
            if (c.field() != null) {
                assertThat(body.path("messageEn").asText()).as("names the field").contains(c.field());
                assertThat(body.path("messageZh").asText()).as("names the field").contains(c.field().replace("CSV line", "CSV 第"));
            }
        } else {
            assertThat(body.path("errors")).as(text).isNotEmpty();
        }
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    /** Beyond naming the field: a bad enumeration lists the values it takes, a bad date shows the format. */
    @Test
    void badEnumerationsAndDatesSayWhatTheyTake() throws Exception {
        Map<String, Object> body = filingBody("FOO", LocalDate.of(2045, 1, 1));
        JsonNode enumInBody = refusal(request(HttpMethod.POST, URI.create("/api/filings")).header("Idempotency-Key", "bad-enum")
                .contentType(MediaType.APPLICATION_JSON).content(write(body)).with(token(Who.INSURED)));
        assertThat(enumInBody.path("messageEn").asText()).contains("filingType", "OTHER_TEMPORARY", "LONG_TERM_RESIDENT");
        assertThat(enumInBody.path("messageZh").asText()).contains("filingType", "OTHER_TEMPORARY");

        body = filingBody("OTHER_TEMPORARY", LocalDate.of(2045, 1, 1));
        body.put("endDate", Map.of("year", 2045));
        JsonNode dateInBody = refusal(request(HttpMethod.POST, URI.create("/api/filings")).header("Idempotency-Key", "bad-date")
                .contentType(MediaType.APPLICATION_JSON).content(write(body)).with(token(Who.INSURED)));
        assertThat(dateInBody.path("messageEn").asText()).contains("endDate", "yyyy-MM-dd");
        assertThat(dateInBody.path("messageZh").asText()).contains("endDate", "yyyy-MM-dd");

        JsonNode enumInQuery = refusal(request(HttpMethod.GET, URI.create("/api/transfers?direction=SIDEWAYS")).with(token(Who.INSURED)));
        assertThat(enumInQuery.path("messageEn").asText()).contains("direction", "OUT", "IN");
        assertThat(enumInQuery.path("messageZh").asText()).contains("direction", "OUT", "IN");

        JsonNode dateInQuery = refusal(request(HttpMethod.GET, URI.create("/api/settlements?from=2025-02-30")).with(token(Who.CLERK)));
        assertThat(dateInQuery.path("messageEn").asText()).contains("from", "YYYY-MM-DD");
        assertThat(dateInQuery.path("messageZh").asText()).contains("from", "YYYY-MM-DD");
    }

    private JsonNode refusal(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(400);
        return JSON.readTree(text);
    }

    @Test
    void thereAreAtLeastAHundredCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases().stream().map(Case::name).collect(Collectors.toSet())).hasSameSizeAs(cases());
    }

    /** Tomcat counts parts before anything reads them: 200 parts answer 413 in both languages. */
    @Test
    void tooManyMultipartPartsAnswer413() throws Exception {
        String boundary = "----bad-input-boundary";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f" + i + "\"\r\n\r\nx\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/public/divisions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("messageZh").asText()).contains("部件过多");
        assertThat(JSON.readTree(response.body()).path("messageEn").asText()).contains("Too many parts");
    }

    @Test
    void responsesCarryAContentSecurityPolicy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Function<String, HttpResponse<String>> get = path -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var api = get.apply("/api/public/divisions");
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        var unknown = get.apply("/api/public/no-such-thing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("messageEn").asText()).isEqualTo("Not found");

        var page = get.apply("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'", "object-src 'none'", "base-uri 'self'",
                        "frame-ancestors 'self'", "form-action 'self' http://localhost:1"));
        // Camunda's webapps keep their own policy: ours is never put on them
        var cockpit = get.apply("/camunda/app/cockpit/default/");
        assertThat(cockpit.headers().allValues("Content-Security-Policy")).noneMatch(v -> v.contains("'unsafe-eval'; style-src"));
    }

    // ---- building requests ----

    private MockHttpServletRequestBuilder build(Case c) {
        String path = c.path().replace("{FILING}", commitmentFiling.id().toString());
        MockHttpServletRequestBuilder b;
        if (!c.files().isEmpty()) {
            MockMultipartHttpServletRequestBuilder m = multipart(URI.create(encode(path)));
            c.files().forEach(f -> {
                if (f.getName().equals("application")) {
                    MockPart part = new MockPart("application", null, bytes(f), MediaType.APPLICATION_JSON);
                    m.part(part);
                } else {
                    m.file(f);
                }
            });
            b = m;
        } else {
            b = request(c.method(), URI.create(encode(path)));
            if (c.contentType() != null) {
                b.contentType(c.contentType()).content(c.body());
            }
        }
        c.params().forEach(b::param);
        c.headers().forEach(b::header);
        return b.with(token(c.who()));
    }

    private static byte[] bytes(MockMultipartFile f) {
        try {
            return f.getBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes what a client would (non-ASCII and control characters), keeping the path's slashes. */
    private static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int v = x & 0xFF;
            b.append(v > 0x20 && v < 0x7F ? String.valueOf((char) v) : "%%%02X".formatted(v));
        }
        return b.toString();
    }

    private static RequestPostProcessor token(Who who) {
        return switch (who) {
            case INSURED -> jwt().jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", "chenjing")
                    .claim("id_number", CHENJING)).authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
            case CLERK -> jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", "cy-reviewer")
                    .claim("groups", List.of("area-110105")).claim("roles", List.of("clerk", "reviewer")))
                    .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
            case ADMIN -> jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", "bad-input-admin")
                    .claim("groups", List.of("process-admins")));
            case OFFICER -> jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("preferred_username", "fj-clearing")
                    .claim("groups", List.of("province-350000")).claim("roles", List.of("officer", "clearing")))
                    .authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));
            case CENTRE -> jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("preferred_username", "nc-clearing")
                    .claim("groups", List.of("national-centre")).claim("roles", List.of("officer", "clearing")))
                    .authorities(new SimpleGrantedAuthority("ROLE_OFFICER"));
            case HOSPITAL -> jwt().jwt(j -> j.issuer("http://localhost:1/realms/provincial").claim("azp", "hospital-system")
                    .claim("preferred_username", "service-account-hospital-system").claim("institution_code", HOSPITAL_INSTITUTION))
                    .authorities(new SimpleGrantedAuthority("ROLE_HOSPITAL"));
        };
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        TABLES.forEach(t -> m.put(t, jdbc.sql("SELECT count(*) FROM app." + t).query(Long.class).single()));
        return m;
    }

    private static Case json(JsonApi api, String what, String body, int status, String field) {
        return new Case(api.label() + ": " + what, api.who(), HttpMethod.POST, api.path(), "application/json", utf8(body),
                List.of(), Map.of(), api.headers(), Set.of(status), field, true);
    }

    private static Case upload(String name, String path, List<MockMultipartFile> files, Map<String, String> params, int status,
                               String field) {
        return new Case(name, Who.INSURED, HttpMethod.POST, path, null, null, files, params,
                Map.of("Idempotency-Key", "bad-upload"), Set.of(status), field, true);
    }

    private static Case plain(String name, Who who, HttpMethod method, String path, int status, String field) {
        return plain(name, who, method, path, Set.of(status), field);
    }

    private static Case plain(String name, Who who, HttpMethod method, String path, Set<Integer> statuses, String field) {
        return new Case(name, who, method, path, null, null, List.of(), Map.of(), Map.of(), statuses, field, true);
    }

    private static Case query(String name, Who who, String path, Map<String, String> params, String field) {
        return new Case(name, who, HttpMethod.GET, path, null, null, List.of(), params, Map.of(), Set.of(400), field, true);
    }

    private static Case csv(String name, String path, byte[] body, Map<String, String> params, int status, String field) {
        return new Case(name, Who.ADMIN, HttpMethod.POST, path, "text/csv", body, List.of(), params, Map.of(), Set.of(status), field, true);
    }

    private static MockMultipartFile applicationPart(byte[] json) {
        return new MockMultipartFile("application", null, "application/json", json);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String codePoint(String c) {
        return "U+%04X".formatted((int) c.charAt(0));
    }
}
