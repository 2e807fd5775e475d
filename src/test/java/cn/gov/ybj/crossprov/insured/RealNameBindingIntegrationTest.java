package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.localrun.SmsSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 实名认证, family consent and the canonical ID number, from the outside: REST calls with tokens
 * of accounts that are not bound, the SMS gateway simulator over HTTP, the counter, raw SQL.
 * Every test imports its own fresh registry persons (born 1939, before any demo person).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RealNameBindingIntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InsuranceRegistryImport importer;
    @Autowired
    SmsSimulator sms;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.core.env.Environment env;

    record Person(String id, String name, String mobile) {
    }

    /** A fresh person insured in the area, imported through the registry import (mobile optional). */
    Person newPerson(String area, boolean withMobile) throws Exception {
        return newPerson(area, withMobile, false);
    }

    Person newPerson(String area, boolean withMobile, boolean checkX) throws Exception {
        String id;
        int n;
        do {
            n = SEQ.incrementAndGet() + (int) (ProcessHandle.current().pid() % 50) * 1000;
            id = cn.gov.ybj.crossprov.insured.DemoRegistryGenerator.withCheck(
                    area + "1939" + String.format("%02d%02d", 1 + n % 12, 1 + n / 12 % 28) + String.format("%03d", n % 1000));
        } while (checkX != id.endsWith("X"));
        String sex = (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
        String name = "测试" + (char) ('甲' + n % 500);
        String mobile = withMobile ? "139" + String.format("%08d", n) : "";
        String csv = InsuranceRegistryImport.HEADER + "\n" + id + "," + name + "," + sex + ",,"
                + area + ",EMPLOYEE,IN_SERVICE,NORMAL,测试单位," + area + ":EMPLOYEE:2000-01~," + mobile + "\n";
        InsuranceRegistryImport.Report report = importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(report.errors()).isEmpty();
        return new Person(id, name, withMobile ? mobile : null);
    }

    static RequestPostProcessor insured(String username) {
        // the id_number claim a user could type at registration: it must count for nothing
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    static RequestPostProcessor claiming(String username, String idNumber) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/insured").claim("preferred_username", username)
                        .claim("id_number", idNumber))
                .authorities(new SimpleGrantedAuthority("ROLE_INSURED"));
    }

    static RequestPostProcessor clerk(String username, String area, String role) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.issuer("http://localhost:1/realms/clerks").claim("preferred_username", username)
                        .claim("groups", List.of("area-" + area)).claim("roles", List.of("clerk", role)))
                .authorities(new SimpleGrantedAuthority("ROLE_CLERK"));
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(who)).andReturn().getResponse();
    }

    JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    String smsCodeTo(String mobile) {
        List<SmsSimulator.Message> messages = sms.sentTo(mobile);
        assertThat(messages).isNotEmpty();
        Matcher m = CODE.matcher(messages.get(0).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The whole SMS proof for an account; returns the challenge's answer. */
    MockHttpServletResponse bindBySms(String username, Person p) throws Exception {
        var requested = call(post("/api/me/binding/sms-codes"), insured(username),
                "{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(p.name(), p.id()));
        assertThat(requested.getStatus()).as(requested.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        String challenge = body(requested).get("id").asText();
        return call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(username),
                "{\"code\":\"%s\"}".formatted(smsCodeTo(p.mobile())));
    }

    long filingsOf(String id) {
        return jdbc.sql("SELECT count(*) FROM app.filing WHERE person_id_number = ?").param(id).query(Long.class).single();
    }

    static String filing(String personId, String area, LocalDate start, LocalDate end) {
        return """
                {"personIdNumber":"%s","insuredAreaCode":"%s","treatmentAreaCode":"460000",
                 "insuranceType":"EMPLOYEE","filingType":"OTHER_TEMPORARY","startDate":"%s","endDate":"%s",
                 "contactName":"测试","contactPhone":"13800138000","contactAddress":"海南省海口市示例路 2 号",
                 "noticeAccepted":true,"commitmentAccepted":true}""".formatted(personId.replace("\\", "\\\\"), area, start, end);
    }

    MockHttpServletResponse file(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/filings").with(who).header("Idempotency-Key", "k-" + SEQ.incrementAndGet())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    static final LocalDate START = ChinaTime.today().plusMonths(2);

    @Test
    void aTypedIdNumberShowsNothingAndFilesNothing() throws Exception {
        Person p = newPerson("110105", true);
        RequestPostProcessor claimer = claiming("claimer-" + p.id(), p.id());

        var insurance = call(get("/api/me/insurance"), claimer, null);
        assertThat(insurance.getStatus()).isEqualTo(403);
        assertThat(body(insurance).get("messageZh").asText()).startsWith("请先完成实名认证");
        assertThat(body(insurance).get("messageEn").asText()).contains("Verify your identity");
        assertThat(insurance.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(p.name());
        assertThat(call(get("/api/me/family"), claimer, null).getStatus()).isEqualTo(403);
        assertThat(call(get("/api/me/binding"), claimer, null).getContentAsString(StandardCharsets.UTF_8)).contains("\"bound\":false");

        var filed = file(claimer, filing(p.id(), "110105", START, START.plusDays(20)));
        assertThat(filed.getStatus()).isEqualTo(422);
        assertThat(body(filed).get("messageZh").asText()).contains("实名认证");
        assertThat(filingsOf(p.id())).isZero();
        assertThat(body(call(get("/api/filings"), claimer, null))).isEmpty();
    }

    @Test
    void anSmsCodeToTheRegistrysMobileBindsTheAccount() throws Exception {
        Person p = newPerson("110105", true);
        String user = "sms-" + p.id();

        var wrongName = call(post("/api/me/binding/sms-codes"), insured(user), "{\"name\":\"张三\",\"idNumber\":\"%s\"}".formatted(p.id()));
        assertThat(wrongName.getStatus()).isEqualTo(422);
        assertThat(body(wrongName).get("messageZh").asText()).contains("姓名与公民身份号码不匹配");
        assertThat(sms.sentTo(p.mobile())).isEmpty();

        var requested = call(post("/api/me/binding/sms-codes"), insured(user), "{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(p.name(), p.id()));
        assertThat(requested.getStatus()).isEqualTo(201);
        assertThat(body(requested).get("maskedMobile").asText()).isEqualTo(p.mobile().substring(0, 3) + "****" + p.mobile().substring(7));
        assertThat(requested.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(p.mobile());
        String challenge = body(requested).get("id").asText();
        String code = smsCodeTo(p.mobile());

        String wrong = code.equals("000000") ? "111111" : "000000";
        var wrongCode = call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(user), "{\"code\":\"" + wrong + "\"}");
        assertThat(wrongCode.getStatus()).isEqualTo(422);
        assertThat(body(wrongCode).get("messageZh").asText()).contains("还可尝试4次");
        assertThat(call(get("/api/me/insurance"), insured(user), null).getStatus()).isEqualTo(403);

        var bound = call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(user), "{\"code\":\"" + code + "\"}");
        assertThat(bound.getStatus()).isEqualTo(200);
        assertThat(body(bound).get("method").asText()).isEqualTo("SMS_CODE");

        var insurance = call(get("/api/me/insurance"), insured(user), null);
        assertThat(insurance.getStatus()).isEqualTo(200);
        assertThat(body(insurance).get("name").asText()).isEqualTo(p.name());
        assertThat(jdbc.sql("SELECT action || ':' || method FROM app.account_binding_audit WHERE id_number = ?")
                .param(p.id()).query(String.class).list()).containsExactly("BOUND:SMS_CODE");
        // the same code does not bind twice
        assertThat(call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(user), "{\"code\":\"" + code + "\"}")
                .getStatus()).isEqualTo(422);
    }

    @Test
    void aSecondClaimantIsSentToTheCounterAndNoCodeGoesOut() throws Exception {
        Person p = newPerson("110105", true);
        assertThat(bindBySms("first-" + p.id(), p).getStatus()).isEqualTo(200);
        int sent = sms.sentTo(p.mobile()).size();

        var second = call(post("/api/me/binding/sms-codes"), insured("second-" + p.id()),
                "{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(p.name(), p.id()));
        assertThat(second.getStatus()).isEqualTo(422);
        assertThat(body(second).get("messageZh").asText()).contains("已绑定其他账号", "窗口");
        assertThat(body(second).get("messageEn").asText()).contains("counter");
        assertThat(sms.sentTo(p.mobile())).hasSize(sent);
        assertThat(call(get("/api/me/insurance"), insured("second-" + p.id()), null).getStatus()).isEqualTo(403);
    }

    @Test
    void codesAreLimitedInTriesTimeAndNumber() throws Exception {
        Person p = newPerson("110105", true);
        String user = "limits-" + p.id();
        String ask = "{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(p.name(), p.id());

        String challenge = body(call(post("/api/me/binding/sms-codes"), insured(user), ask)).get("id").asText();
        String code = smsCodeTo(p.mobile());
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < RealNameBinding.MAX_CODE_TRIES; i++) {
            call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(user), "{\"code\":\"" + wrong + "\"}");
        }
        var exhausted = call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(user), "{\"code\":\"" + code + "\"}");
        assertThat(body(exhausted).get("messageZh").asText()).contains("次数过多");

        challenge = body(call(post("/api/me/binding/sms-codes"), insured(user), ask)).get("id").asText();
        code = smsCodeTo(p.mobile());
        jdbc.sql("UPDATE app.binding_challenge SET expires_at = now() - interval '1 second' WHERE id = ?::uuid").param(challenge).update();
        var expired = call(post("/api/me/binding/sms-codes/" + challenge + "/confirm"), insured(user), "{\"code\":\"" + code + "\"}");
        assertThat(body(expired).get("messageZh").asText()).contains("已失效");

        // five codes an hour per person, whoever asks: the sixth is refused, and nothing is sent
        for (int i = 2; i < RealNameBinding.MAX_CODES_PER_HOUR; i++) {
            assertThat(call(post("/api/me/binding/sms-codes"), insured("other-" + i + "-" + p.id()), ask).getStatus()).isEqualTo(201);
        }
        int sent = sms.sentTo(p.mobile()).size();
        var flooded = call(post("/api/me/binding/sms-codes"), insured("other-x-" + p.id()), ask);
        assertThat(flooded.getStatus()).isEqualTo(422);
        assertThat(body(flooded).get("messageZh").asText()).contains("过于频繁");
        assertThat(sms.sentTo(p.mobile())).hasSize(sent);
        assertThat(jdbc.sql("SELECT count(*) FROM app.account_binding WHERE id_number = ?").param(p.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theCounterBindsWithTheIdCardAndMovesALostAccountWithAnAuditRow() throws Exception {
        Person p = newPerson("110105", false);
        String lost = "lost-" + p.id();
        String renewed = "renewed-" + p.id();

        var noMobile = call(post("/api/me/binding/sms-codes"), insured(lost), "{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(p.name(), p.id()));
        assertThat(body(noMobile).get("messageZh").asText()).contains("没有预留手机号码");

        String code = body(call(post("/api/me/binding/counter-codes"), insured(lost), null)).get("code").asText();
        String bind = "{\"counterCode\":\"%s\",\"name\":\"%s\",\"idNumber\":\"%s\",\"idCardSeen\":%s,\"move\":%s,\"reason\":%s}";
        assertThat(call(post("/api/counter/bindings"), clerk("cy-reviewer", "110105", "reviewer"),
                bind.formatted(code, p.name(), p.id(), true, false, null)).getStatus()).isEqualTo(403);
        assertThat(call(post("/api/counter/bindings"), insured(renewed),
                bind.formatted(code, p.name(), p.id(), true, false, null)).getStatus()).isEqualTo(403);
        var otherArea = call(post("/api/counter/bindings"), clerk("xm-counter", "350200", "counter"),
                bind.formatted(code, p.name(), p.id(), true, false, null));
        assertThat(body(otherArea).get("messageZh").asText()).contains("本统筹区");
        var unseen = call(post("/api/counter/bindings"), clerk("cy-counter", "110105", "counter"),
                bind.formatted(code, p.name(), p.id(), false, false, null));
        assertThat(body(unseen).get("messageZh").asText()).contains("身份证件");
        assertThat(call(get("/api/me/insurance"), insured(lost), null).getStatus()).isEqualTo(403);

        var bound = call(post("/api/counter/bindings"), clerk("cy-counter", "110105", "counter"),
                bind.formatted(code.toLowerCase(), p.name(), p.id(), true, false, null));
        assertThat(bound.getStatus()).as(bound.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(call(get("/api/me/insurance"), insured(lost), null).getStatus()).isEqualTo(200);

        // the account is lost: a new one shows its code at the counter
        String code2 = body(call(post("/api/me/binding/counter-codes"), insured(renewed), null)).get("code").asText();
        var notMoved = call(post("/api/counter/bindings"), clerk("cy-counter", "110105", "counter"),
                bind.formatted(code2, p.name(), p.id(), true, false, null));
        assertThat(body(notMoved).get("messageZh").asText()).contains("移交绑定");
        var noReason = call(post("/api/counter/bindings"), clerk("cy-counter", "110105", "counter"),
                bind.formatted(code2, p.name(), p.id(), true, true, "\"\""));
        assertThat(body(noReason).get("messageZh").asText()).contains("原因");
        var moved = call(post("/api/counter/bindings"), clerk("cy-counter", "110105", "counter"),
                bind.formatted(code2, p.name(), p.id(), true, true, "\"手机遗失，原账号无法登录\""));
        assertThat(moved.getStatus()).isEqualTo(201);

        assertThat(call(get("/api/me/insurance"), insured(lost), null).getStatus()).isEqualTo(403);
        assertThat(call(get("/api/me/insurance"), insured(renewed), null).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT action || ':' || account || ':' || coalesce(previous_account, '-') || ':' || actor
                FROM app.account_binding_audit WHERE id_number = ? ORDER BY id
                """).param(p.id()).query(String.class).list()).containsExactly(
                "BOUND:insured:" + lost + ":-:clerks:cy-counter",
                "MOVED:insured:" + renewed + ":insured:" + lost + ":clerks:cy-counter");
        // a used code binds nothing again
        assertThat(call(post("/api/counter/bindings"), clerk("cy-counter", "110105", "counter"),
                bind.formatted(code2, p.name(), p.id(), true, true, "\"again\"")).getStatus()).isEqualTo(422);
    }

    @Test
    void aFamilyLinkNeedsTheMembersConsentTheRegistrysWordOrTheCounter() throws Exception {
        Person owner = newPerson("110105", true);
        Person member = newPerson("110105", true);
        Person relative = newPerson("110105", true);
        Person walkIn = newPerson("110105", true);
        String o = "owner-" + owner.id();
        String m = "member-" + member.id();
        assertThat(bindBySms(o, owner).getStatus()).isEqualTo(200);
        assertThat(bindBySms(m, member).getStatus()).isEqualTo(200);

        var requested = call(post("/api/me/family"), insured(o),
                "{\"name\":\"%s\",\"idNumber\":\"%s\",\"relationship\":\"SPOUSE\"}".formatted(member.name(), member.id()));
        assertThat(requested.getStatus()).isEqualTo(201);
        assertThat(body(requested).get("status").asText()).isEqualTo("PENDING");
        // pending: nothing may be done for the member yet
        var early = file(insured(o), filing(member.id(), "110105", START, START.plusDays(10)));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(filingsOf(member.id())).isZero();

        JsonNode asked = body(call(get("/api/me/family/linked-to-me"), insured(m), null));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).get("ownerName").asText()).isEqualTo(owner.name());
        assertThat(asked.get(0).get("status").asText()).isEqualTo("PENDING");
        String ref = asked.get(0).get("ref").asText();
        // nobody but the member confirms: the owner addressing the member's side finds nothing
        assertThat(call(post("/api/me/family/linked-to-me/" + ref + "/confirm"), insured(o), null).getStatus()).isEqualTo(422);
        assertThat(call(post("/api/me/family/linked-to-me/" + ref + "/confirm"), insured(m), null).getStatus()).isEqualTo(200);

        var filed = file(insured(o), filing(member.id(), "110105", START, START.plusDays(10)));
        assertThat(filed.getStatus()).as(filed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(filingsOf(member.id())).isEqualTo(1);

        // the member ends the link; the owner's access ends with it
        assertThat(call(delete("/api/me/family/linked-to-me/" + ref), insured(m), null).getStatus()).isEqualTo(204);
        assertThat(call(get("/api/filings/" + body(filed).get("id").asText()), insured(o), null).getStatus()).isEqualTo(404);
        assertThat(body(call(get("/api/me/family"), insured(o), null))).isEmpty();

        // the registry's 家庭共济 record makes a link active at once
        jdbc.sql("INSERT INTO app.family_mutual_aid (id_number, relative_id_number, relationship) VALUES (?, ?, 'CHILD')")
                .params(owner.id(), relative.id()).update();
        var onRecord = call(post("/api/me/family"), insured(o),
                "{\"name\":\"%s\",\"idNumber\":\"%s\",\"relationship\":\"CHILD\"}".formatted(relative.name(), relative.id()));
        assertThat(body(onRecord).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(body(onRecord).get("basis").asText()).isEqualTo("REGISTRY");

        // a counter clerk who saw both persons' papers records a link
        String link = "{\"ownerName\":\"%s\",\"ownerIdNumber\":\"%s\",\"memberName\":\"%s\",\"memberIdNumber\":\"%s\",\"relationship\":\"PARENT\",\"documentsSeen\":%s}";
        assertThat(call(post("/api/counter/family-links"), clerk("cy-reviewer", "110105", "reviewer"),
                link.formatted(owner.name(), owner.id(), walkIn.name(), walkIn.id(), true)).getStatus()).isEqualTo(403);
        assertThat(call(post("/api/counter/family-links"), clerk("cy-counter", "110105", "counter"),
                link.formatted(owner.name(), owner.id(), walkIn.name(), walkIn.id(), false)).getStatus()).isEqualTo(422);
        var recorded = call(post("/api/counter/family-links"), clerk("cy-counter", "110105", "counter"),
                link.formatted(owner.name(), owner.id(), walkIn.name(), walkIn.id(), true));
        assertThat(recorded.getStatus()).isEqualTo(201);
        assertThat(body(recorded).get("basis").asText()).isEqualTo("COUNTER");
        assertThat(body(call(get("/api/me/family"), insured(o), null))).extracting(n -> n.get("status").asText())
                .containsExactly("ACTIVE", "ACTIVE");
    }

    @Test
    void oneCanonicalIdNumberThroughEveryEntryPoint() throws Exception {
        Person p = newPerson("110105", true, true);
        Person owner = newPerson("110105", true);
        String lower = p.id().toLowerCase();
        String spaced = "  " + p.id().substring(0, 6) + " " + p.id().substring(6, 14) + " " + lower.substring(14) + " ";
        StringBuilder fullWidth = new StringBuilder();
        p.id().chars().forEach(c -> fullWidth.append(c == 'X' ? 'ｘ' : (char) (c - '0' + '０')));

        // binding by SMS with the number in lower case and spaces
        String user = "canon-" + p.id();
        var requested = call(post("/api/me/binding/sms-codes"), insured(user), "{\"name\":\"%s\",\"idNumber\":\"%s\"}".formatted(p.name(), spaced));
        assertThat(requested.getStatus()).isEqualTo(201);
        call(post("/api/me/binding/sms-codes/" + body(requested).get("id").asText() + "/confirm"), insured(user),
                "{\"code\":\"" + smsCodeTo(p.mobile()) + "\"}");
        assertThat(jdbc.sql("SELECT id_number FROM app.account_binding WHERE account = ?").param("insured:" + user)
                .query(String.class).single()).isEqualTo(p.id());

        // a family link asked with full-width digits
        assertThat(bindBySms("canon-owner-" + owner.id(), owner).getStatus()).isEqualTo(200);
        var linked = call(post("/api/me/family"), insured("canon-owner-" + owner.id()),
                "{\"name\":\"%s\",\"idNumber\":\"%s\",\"relationship\":\"OTHER\"}".formatted(p.name(), fullWidth));
        assertThat(linked.getStatus()).isEqualTo(201);

        // filings: lower case through the API; full-width and spaced again, and at the counter: all the same person
        assertThat(file(insured(user), filing(lower, "110105", START, START.plusDays(20))).getStatus()).isEqualTo(200);
        var again = file(insured(user), filing(fullWidth.toString(), "110105", START.plusDays(5), START.plusDays(25)));
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(body(again).get("messageZh").asText()).contains("重叠");
        var counter = file(clerk("cy-counter", "110105", "counter"), filing(spaced, "110105", START.plusDays(1), START.plusDays(2)));
        assertThat(counter.getStatus()).isEqualTo(422);
        assertThat(body(counter).get("messageZh").asText()).contains("重叠");
        assertThat(filingsOf(p.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM app.filing WHERE upper(person_id_number) = ? AND person_id_number <> ?")
                .params(p.id(), p.id()).query(Long.class).single()).isZero();
        assertThat(body(call(get("/api/filings"), insured(user), null))).hasSize(1);

        // the registry import: the same person in lower case and with spaces is an update, not a second person
        String reimportCsv = InsuranceRegistryImport.HEADER + "\n" + spaced + "," + p.name() + "," + ((p.id().charAt(16) - '0') % 2 == 1 ? "M" : "F")
                + ",,110105,EMPLOYEE,IN_SERVICE,NORMAL,测试单位,110105:EMPLOYEE:2000-01~," + p.mobile() + "\n";
        InsuranceRegistryImport.Report reimport = importer.importCsv(new ByteArrayInputStream(reimportCsv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(reimport.errors()).isEmpty();
        assertThat(reimport.updated()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM app.insurance_record WHERE upper(id_number) = ?").param(p.id())
                .query(Long.class).single()).isEqualTo(1);

        // the database refuses any other form, also from raw SQL
        assertThatThrownBy(() -> jdbc.sql("UPDATE app.filing SET person_id_number = lower(person_id_number) WHERE person_id_number = ?")
                .param(p.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app.chronic_qualification (person_id_number, disease_code, disease_name, insured_area_code, approved_on)
                VALUES (?, 'M00000', '测试', '110105', current_date)""").param(" " + lower).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT app.canonical_id_number(?)").param(fullWidth.toString()).query(String.class).single()).isEqualTo(p.id());
    }

    @Test
    void datesOutsideTheWindowAndCounterFilingWithoutTheCounterRoleAreRefused() throws Exception {
        Person p = newPerson("110105", true);
        String user = "dates-" + p.id();
        assertThat(bindBySms(user, p).getStatus()).isEqualTo(200);
        LocalDate today = ChinaTime.today();
        java.time.Period back = java.time.Period.parse(env.getRequiredProperty("app.filing.dates.earliest-start"));
        java.time.Period ahead = java.time.Period.parse(env.getRequiredProperty("app.filing.dates.latest-end"));

        var early = file(insured(user), filing(p.id(), "110105", today.minus(back).minusDays(2), today.plusDays(5)));
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(body(early).get("messageZh").asText()).contains("开始日期不能早于");
        var late = file(insured(user), filing(p.id(), "110105", START, today.plus(ahead).plusDays(2)));
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(body(late).get("messageEn").asText()).contains("end date must not be after");
        var absurd = file(insured(user), filing(p.id(), "110105", LocalDate.of(1, 1, 1), LocalDate.of(1900, 1, 1)));
        assertThat(absurd.getStatus()).isIn(400, 422);
        assertThat(filingsOf(p.id())).isZero();

        var reviewer = file(clerk("cy-reviewer", "110105", "reviewer"), filing(p.id(), "110105", START, START.plusDays(3)));
        assertThat(reviewer.getStatus()).isEqualTo(422);
        assertThat(body(reviewer).get("messageZh").asText()).contains("窗口经办人员");
        assertThat(filingsOf(p.id())).isZero();
    }

    @Test
    void theSmsSimulatorShowsItsMessagesToProcessAdminsOnlyAndTakesMessagesOnlyWithTheGatewayCredential() throws Exception {
        assertThat(mvc.perform(get("/sim/sms/messages")).andReturn().getResponse().getStatus()).isIn(401, 403);
        assertThat(mvc.perform(get("/sim/sms/messages").with(insured("nosy"))).andReturn().getResponse().getStatus()).isIn(401, 403);
        assertThat(mvc.perform(post("/sim/sms/messages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"13900000000\",\"text\":\"forged\"}")).andReturn().getResponse().getStatus()).isIn(401, 403);
        assertThat(sms.sentTo("13900000000")).isEmpty();
    }
}
