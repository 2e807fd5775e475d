package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.clearing.ClearingTestData.Expected;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.ybj.crossprov.clearing.ClearingApiTest.CENTRE;
import static cn.gov.ybj.crossprov.clearing.ClearingApiTest.amount;
import static cn.gov.ybj.crossprov.clearing.ClearingApiTest.officer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The month's clearing case on PostgreSQL, through the REST API as the officers use it: the centre
 * starts a month; each province confirms its own task (another province's task id is 404); a dispute
 * carried over takes the pair out of the month, sends the province that had confirmed back to confirm,
 * and clears the pair with the next month, exact to the fen against sums reckoned in Java; a dispute
 * generated again with nothing changed keeps the others' confirmations; the month ends confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ClearingProcessIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final String BEIJING = "110000";
    static final String FUJIAN = "350000";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    cn.gov.ybj.crossprov.calendar.WorkingDays workingDays;

    static RequestPostProcessor province(String code) {
        return officer("province-" + code, "officer", "clearing");
    }

    MvcResult call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, RequestPostProcessor token)
            throws Exception {
        return mvc.perform(request.with(token)).andReturn();
    }

    JsonNode ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, RequestPostProcessor token)
            throws Exception {
        MvcResult r = call(request, token);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(200);
        return JSON.readTree(body);
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(String url, String body) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** the officer's open tasks of the month */
    List<JsonNode> tasks(RequestPostProcessor token, YearMonth month) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        ok(get("/api/clearing/tasks"), token).forEach(t -> {
            if (t.path("month").asText().equals(month.toString())) {
                list.add(t);
            }
        });
        return list;
    }

    String confirmationTask(String provinceCode, YearMonth month) throws Exception {
        List<JsonNode> tasks = tasks(province(provinceCode), month);
        assertThat(tasks).as("tasks of " + provinceCode).hasSize(1);
        assertThat(tasks.get(0).path("kind").asText()).isEqualTo("CONFIRM_TABLES");
        assertThat(tasks.get(0).path("province").asText()).isEqualTo(provinceCode);
        return tasks.get(0).path("taskId").asText();
    }

    byte[] ok2(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, RequestPostProcessor token)
            throws Exception {
        MvcResult r = call(request, token);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsByteArray();
    }

    static String text(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
    }

    static String figures(BigDecimal amount) {
        return String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }

    String provinceName(JsonNode month, String code) {
        for (JsonNode p : month.path("provinces")) {
            if (p.path("province").asText().equals(code)) {
                return p.path("name").asText();
            }
        }
        throw new AssertionError(code);
    }

    String provinceStatus(JsonNode month, String code) {
        for (JsonNode p : month.path("provinces")) {
            if (p.path("province").asText().equals(code)) {
                return p.path("status").asText();
            }
        }
        throw new AssertionError(code);
    }

    BigDecimal cell(YearMonth month, String receiving, String paying) throws Exception {
        for (JsonNode c : ok(get("/api/clearing/" + month + "/matrix"), CENTRE).path("cells")) {
            if (c.path("receivingProvince").asText().equals(receiving) && c.path("payingProvince").asText().equals(paying)) {
                return amount(c.path("amount"));
            }
        }
        throw new AssertionError(receiving + "←" + paying);
    }

    void confirmAllPending(YearMonth month) throws Exception {
        JsonNode m = ok(get("/api/clearing/" + month), CENTRE);
        for (JsonNode p : m.path("provinces")) {
            if (p.path("status").asText().equals("PENDING")) {
                String code = p.path("province").asText();
                ok(post("/api/clearing/tasks/" + confirmationTask(code, month) + "/confirmation"), province(code));
            }
        }
    }

    @Test
    void theCentreStartsAMonthAndEachProvinceConfirmsItsOwnTask() throws Exception {
        YearMonth june = YearMonth.of(2025, 6);
        ClearingTestData.insert(jdbc, june, "CLP2506", 1_500);
        Expected expected = ClearingTestData.expected(jdbc, june, "CLP2506");
        assertThat(call(post("/api/clearing/2025-06/case"), province(BEIJING)).getResponse().getStatus())
                .as("a province cannot start a month").isEqualTo(403);
        JsonNode month = ok(post("/api/clearing/2025-06/case"), CENTRE);
        assertThat(month.path("status").asText()).isEqualTo("CONFIRMING");
        assertThat(month.path("confirmDue").asText()).isEqualTo("2025-07-25T15:59:59Z");
        assertThat(call(post("/api/clearing/2025-06/case"), CENTRE).getResponse().getStatus()).as("once per month").isEqualTo(422);
        String caseId = jdbc.sql("SELECT process_instance_id FROM app.clearing_month WHERE month = DATE '2025-06-01'")
                .query(String.class).single();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getBusinessKey()).isEqualTo("2025-06");

        String beijingTask = confirmationTask(BEIJING, june);
        // June's deadline (2025-07-25) has passed: the job executor escalates every confirmation to the centre at
        // once (its timer is due), and the task stays the province's
        long until = System.nanoTime() + 20_000_000_000L;
        while (!tasks(province(BEIJING), june).get(0).path("escalated").asBoolean() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(tasks(province(BEIJING), june).get(0).path("escalated").asBoolean()).isTrue();
        assertThat(tasks(CENTRE, june)).extracting(t -> t.path("taskId").asText()).contains(beijingTask);
        assertThat(jdbc.sql("SELECT escalated_at IS NOT NULL FROM app.clearing_province p JOIN app.clearing_month m ON m.id = p.clearing_month_id "
                + "WHERE m.month = DATE '2025-06-01' AND p.province_code = '110000'").query(Boolean.class).single()).isTrue();
        // another province's task id, and the centre's token, get nothing
        assertThat(call(post("/api/clearing/tasks/" + beijingTask + "/confirmation"), province(FUJIAN)).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(call(post("/api/clearing/tasks/" + beijingTask + "/confirmation"), CENTRE).getResponse().getStatus()).isEqualTo(404);
        assertThat(call(post("/api/clearing/tasks/no-such-task/confirmation"), province(BEIJING)).getResponse().getStatus()).isEqualTo(404);
        assertThat(tasks(province(FUJIAN), june)).extracting(t -> t.path("taskId").asText()).doesNotContain(beijingTask);

        JsonNode confirmed = ok(post("/api/clearing/tasks/" + beijingTask + "/confirmation"), province(BEIJING));
        assertThat(provinceStatus(confirmed, BEIJING)).isEqualTo("CONFIRMED");
        assertThat(tasks(province(BEIJING), june)).isEmpty();

        String notice = "/api/clearing/2025-06/provinces/110000/notices/payment.pdf";
        assertThat(call(get(notice), province(BEIJING)).getResponse().getStatus()).as("not yet published").isEqualTo(422);
        confirmAllPending(june);
        JsonNode published = ok(get("/api/clearing/2025-06"), CENTRE);
        assertThat(published.path("status").asText()).isEqualTo("NOTICES_PUBLISHED");
        assertThat(published.path("noticesPublishedAt").isNull()).isFalse();

        // 付款通知书 (附件8) of Beijing: a line per other province with what Beijing owes it, the total in figures and words
        MvcResult pdf = call(get(notice), province(BEIJING));
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        String text = text(pdf.getResponse().getContentAsByteArray());
        assertThat(text).contains("北京市跨省异地就医费用付款通知书", "清算所属月份：2025 年 06 月", "付款方：北京市",
                "请你单位将 2025 年 06 月跨省异地就医费用及时拨付给就医地", "跨省异地就医费用付款汇总表", "附件7-5 北京市");
        BigDecimal owed = BigDecimal.ZERO;
        for (String other : ClearingTestData.PROVINCES) {
            if (!other.equals(BEIJING)) {
                BigDecimal cell = expected.sum(x -> x.insuredProvince().equals(BEIJING) && x.medicalProvince().equals(other));
                owed = owed.add(cell);
                assertThat(text).as(other).containsPattern(provinceName(published, other) + "\\s+" + java.util.regex.Pattern.quote(figures(cell)));
            }
        }
        assertThat(owed).isPositive();
        assertThat(text).containsPattern("合计\\s+" + java.util.regex.Pattern.quote(figures(owed)))
                .contains("人民币" + cn.gov.ybj.crossprov.documents.ChineseAmount.inWords(new cn.gov.ybj.crossprov.shared.Money(owed)));
        // 收款通知书 (附件9) of Fujian for Fujian; Beijing's notices are not Fujian's
        String receipt = text(ok2(get("/api/clearing/2025-06/provinces/350000/notices/receipt.pdf"), province(FUJIAN)));
        assertThat(receipt).contains("福建省跨省异地就医费用收款通知书", "收款方：福建省", "附件7-6 福建省跨省异地就医应收医疗费用清算表");
        assertThat(call(get(notice), province(FUJIAN)).getResponse().getStatus()).isEqualTo(403);
        assertThat(call(get("/api/clearing/2025-06/provinces/110000/notices/other.pdf"), CENTRE).getResponse().getStatus()).isEqualTo(400);
        // 第三十六、三十七条: the case goes on with each province's money
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).as("the case waits for the money").isEqualTo(1);
        financeOfTheMonth(june, expected.sum(x -> x.insuredProvince().equals(BEIJING) && x.medicalProvince().equals(FUJIAN)));
        assertThat(ok(get("/api/clearing/2025-06"), CENTRE).path("status").asText()).isEqualTo("SETTLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).count()).as("the case ended").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(caseId).activityId("EndEvent_MonthSettled")
                .count()).isEqualTo(1);
    }

    static RequestPostProcessor finance(String code) {
        return officer("province-" + code, "officer", "finance");
    }

    JsonNode provinceFinance(YearMonth month, String code, RequestPostProcessor token) throws Exception {
        JsonNode list = ok(get("/api/clearing/" + month + "/finance"), token);
        for (JsonNode p : list) {
            if (p.path("province").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError(code + " in " + list);
    }

    static JsonNode pair(JsonNode transfers, String payer, String receiver) {
        for (JsonNode t : transfers) {
            if (t.path("payer").asText().equals(payer) && t.path("receiver").asText().equals(receiver)) {
                return t;
            }
        }
        throw new AssertionError(payer + "→" + receiver + " in " + transfers);
    }

    String financeTask(String code, YearMonth month, FinanceStep step, RequestPostProcessor token) throws Exception {
        for (JsonNode t : tasks(token, month)) {
            if (t.path("step").asText().equals(step.name()) && t.path("province").asText().equals(code)) {
                assertThat(t.path("kind").asText()).isEqualTo("FINANCE");
                return t.path("taskId").asText();
            }
        }
        throw new AssertionError(step + " of " + code);
    }

    /**
     * Beijing hands over (other roles and provinces cannot), its transfer goes late and is escalated, Fujian sees
     * what Beijing owes it overdue; then every province's officers do their steps until the month is settled.
     */
    void financeOfTheMonth(YearMonth month, BigDecimal beijingOwesFujian) throws Exception {
        JsonNode fujian = provinceFinance(month, FUJIAN, finance(FUJIAN));
        assertThat(ok(get("/api/clearing/" + month + "/finance"), finance(FUJIAN))).as("only its own").hasSize(1);
        JsonNode owed = pair(fujian.path("incoming"), BEIJING, FUJIAN);
        assertThat(amount(owed.path("amount"))).isEqualByComparingTo(beijingOwesFujian);
        assertThat(owed.path("status").asText()).isEqualTo("AWAITING_HAND_OVER");
        assertThat(owed.path("overdue").asBoolean()).isFalse();

        String handOver = financeTask(BEIJING, month, FinanceStep.HAND_OVER, finance(BEIJING));
        String completion = "/api/clearing/tasks/" + handOver + "/completion";
        assertThat(call(post(completion), province(BEIJING)).getResponse().getStatus()).as("the clearing role").isEqualTo(404);
        assertThat(call(post(completion), finance(FUJIAN)).getResponse().getStatus()).as("another province").isEqualTo(404);
        assertThat(call(post(completion), CENTRE).getResponse().getStatus()).isEqualTo(404);
        MvcResult tooLong = call(json(completion, "{\"note\":\"" + "长".repeat(201) + "\"}"), finance(BEIJING));
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
        assertThat(tooLong.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("备注不超过 200 字");
        assertThat(financeTask(BEIJING, month, FinanceStep.HAND_OVER, finance(BEIJING))).as("nothing changed").isEqualTo(handOver);
        JsonNode beijing = ok(json(completion, "{\"note\":\"交财政 2025-06-01 号\"}"), finance(BEIJING)).get(0);
        JsonNode handedOver = beijing.path("steps").get(0);
        assertThat(handedOver.path("step").asText()).isEqualTo("HAND_OVER");
        assertThat(handedOver.path("doneBy").asText()).isEqualTo("provincial:clearing-province-110000");
        assertThat(handedOver.path("note").asText()).isEqualTo("交财政 2025-06-01 号");

        // the transfer: 10 working days on the official calendar from the hand-over
        String transferTask = financeTask(BEIJING, month, FinanceStep.TRANSFER, finance(BEIJING));
        org.camunda.bpm.engine.task.Task transfer = tasks.createTaskQuery().taskId(transferTask).singleResult();
        java.time.Instant handedOverAt = java.time.Instant.parse(handedOver.path("doneAt").asText());
        assertThat(transfer.getDueDate().toInstant()).isEqualTo(workingDays.deadline(handedOverAt, 10).toInstant());
        org.camunda.bpm.engine.runtime.Job late = management.createJobQuery().processInstanceId(transfer.getProcessInstanceId())
                .timers().activityId("BoundaryEvent_TransferOverdue").singleResult();
        assertThat(late.getDuedate()).isEqualTo(transfer.getDueDate());
        // its deadline passes (moved into the past here, not the engine's clock, which every other case shares)
        assertThat(jdbc.sql("""
                UPDATE app.clearing_finance_step SET due = opened_at + interval '1 microsecond'
                WHERE province_code = '110000' AND step = 'TRANSFER'
                  AND clearing_month_id = (SELECT id FROM app.clearing_month WHERE month = :month)""")
                .param("month", month.atDay(1)).update()).isEqualTo(1);
        management.executeJob(late.getId());
        JsonNode overdue = pair(provinceFinance(month, FUJIAN, finance(FUJIAN)).path("incoming"), BEIJING, FUJIAN);
        assertThat(overdue.path("status").asText()).isEqualTo("AWAITING_TRANSFER");
        assertThat(overdue.path("overdue").asBoolean()).as("Fujian sees Beijing's transfer overdue: " + overdue).isTrue();
        JsonNode escalated = null;
        for (JsonNode t : tasks(CENTRE, month)) {
            if (t.path("taskId").asText().equals(transferTask)) {
                escalated = t;
            }
        }
        assertThat(escalated).as("the centre sees the late transfer").isNotNull();
        assertThat(escalated.path("escalated").asBoolean()).isTrue();
        assertThat(call(post("/api/clearing/tasks/" + transferTask + "/completion"), CENTRE).getResponse().getStatus())
                .as("it stays Beijing's").isEqualTo(404);
        JsonNode transferStep = null;
        for (JsonNode s : provinceFinance(month, BEIJING, CENTRE).path("steps")) {
            if (s.path("step").asText().equals("TRANSFER")) {
                transferStep = s;
            }
        }
        assertThat(transferStep.path("escalatedAt").isNull()).isFalse();

        // every province's officers do their steps, as their tasks come
        for (int round = 0; round < 20; round++) {
            List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery().processDefinitionKey(ClearingTasks.FINANCE_PROCESS)
                    .processInstanceBusinessKeyLike(month + "/%").list();
            if (open.isEmpty()) {
                break;
            }
            for (org.camunda.bpm.engine.task.Task t : open) {
                String code = (String) tasks.getVariable(t.getId(), "province");
                FinanceStep step = FinanceStep.ofTask(t.getTaskDefinitionKey());
                ok(post("/api/clearing/tasks/" + t.getId() + "/completion"),
                        step.role().equals(cn.gov.ybj.crossprov.identity.Roles.CLEARING) ? province(code) : finance(code));
            }
        }
        JsonNode settled = provinceFinance(month, FUJIAN, finance(FUJIAN));
        assertThat(pair(settled.path("incoming"), BEIJING, FUJIAN).path("status").asText()).isEqualTo("RECEIVED");
        for (JsonNode p : ok(get("/api/clearing/" + month + "/finance"), CENTRE)) {
            List<String> steps = new ArrayList<>();
            p.path("steps").forEach(s -> {
                assertThat(s.path("doneAt").isNull()).as(p.path("province") + " " + s.path("step")).isFalse();
                steps.add(s.path("step").asText());
            });
            assertThat(steps).contains("HAND_OVER", "SETTLE_AREAS");
            assertThat(steps.contains("TRANSFER")).isEqualTo(amount(p.path("payable")).signum() > 0);
            assertThat(steps.contains("RECEIPT")).isEqualTo(amount(p.path("receivable")).signum() > 0);
        }
    }

    @Test
    void aPairCarriedOverLeavesTheMonthAndIsClearedWithTheNext() throws Exception {
        YearMonth july = YearMonth.of(2025, 7);
        YearMonth august = YearMonth.of(2025, 8);
        ClearingTestData.insert(jdbc, july, "CLP2507", 2_000);
        ClearingTestData.insert(jdbc, august, "CLP2508", 2_000);
        Expected j = ClearingTestData.expected(jdbc, july, "CLP2507");
        Expected a = ClearingTestData.expected(jdbc, august, "CLP2508");
        ok(post("/api/clearing/2025-07/case"), CENTRE);
        BigDecimal pair = j.sum(s -> s.insuredProvince().equals(FUJIAN) && s.medicalProvince().equals(BEIJING)
                || s.insuredProvince().equals(BEIJING) && s.medicalProvince().equals(FUJIAN));
        assertThat(pair).isPositive();

        ok(post("/api/clearing/tasks/" + confirmationTask(BEIJING, july) + "/confirmation"), province(BEIJING));
        // Fujian disputes its pair with Beijing; a bad body changes nothing
        String fujianTask = confirmationTask(FUJIAN, july);
        assertThat(call(json("/api/clearing/tasks/" + fujianTask + "/disputes", "{\"disputes\":[]}"), province(FUJIAN))
                .getResponse().getStatus()).isEqualTo(422);
        assertThat(call(json("/api/clearing/tasks/" + fujianTask + "/disputes",
                "{\"disputes\":[{\"pairProvince\":\"350000\",\"reason\":\"本省\"}]}"), province(FUJIAN)).getResponse().getStatus())
                .as("not its own province").isEqualTo(422);
        assertThat(confirmationTask(FUJIAN, july)).isEqualTo(fujianTask);
        JsonNode disputed = ok(json("/api/clearing/tasks/" + fujianTask + "/disputes",
                "{\"disputes\":[{\"pairProvince\":\"110000\",\"reason\":\"北京市就医费用与本省对账结果不符\"}]}"), province(FUJIAN));
        assertThat(provinceStatus(disputed, FUJIAN)).isEqualTo("DISPUTED");
        assertThat(tasks(province(FUJIAN), july)).isEmpty();

        List<JsonNode> centreTasks = tasks(CENTRE, july).stream().filter(t -> t.path("kind").asText().equals("RESOLVE_DISPUTES")).toList();
        assertThat(centreTasks).hasSize(1);
        JsonNode resolve = centreTasks.get(0);
        assertThat(resolve.path("kind").asText()).isEqualTo("RESOLVE_DISPUTES");
        assertThat(resolve.path("province").asText()).isEqualTo(FUJIAN);
        assertThat(resolve.path("disputes").get(0).path("pairProvince").asText()).isEqualTo(BEIJING);
        String resolveTask = resolve.path("taskId").asText();
        assertThat(call(json("/api/clearing/tasks/" + resolveTask + "/resolution",
                "{\"resolutions\":[{\"pairProvince\":\"110000\",\"resolution\":\"CARRIED_OVER\"}]}"), province(FUJIAN))
                .getResponse().getStatus()).as("only the centre resolves").isEqualTo(404);
        assertThat(call(json("/api/clearing/tasks/" + resolveTask + "/resolution",
                "{\"resolutions\":[{\"pairProvince\":\"440000\",\"resolution\":\"CARRIED_OVER\"}]}"), CENTRE)
                .getResponse().getStatus()).as("not a disputed pair").isEqualTo(422);

        BigDecimal totalBefore = amount(ok(get("/api/clearing/2025-07"), CENTRE).path("fundsTotal"));
        JsonNode resolved = ok(json("/api/clearing/tasks/" + resolveTask + "/resolution",
                "{\"resolutions\":[{\"pairProvince\":\"110000\",\"resolution\":\"CARRIED_OVER\",\"note\":\"待两省核实后下月清算\"}]}"), CENTRE);
        assertThat(amount(resolved.path("fundsTotal"))).isEqualByComparingTo(totalBefore.subtract(pair));
        assertThat(resolved.path("disputes").get(0).path("resolution").asText()).isEqualTo("CARRIED_OVER");
        assertThat(cell(july, BEIJING, FUJIAN)).isEqualByComparingTo("0");
        assertThat(cell(july, FUJIAN, BEIJING)).isEqualByComparingTo("0");
        // Beijing had confirmed tables that changed: it confirms again; Fujian confirms what is left
        assertThat(provinceStatus(resolved, BEIJING)).isEqualTo("PENDING");
        confirmationTask(BEIJING, july);
        confirmationTask(FUJIAN, july);
        confirmAllPending(july);
        assertThat(ok(get("/api/clearing/2025-07"), CENTRE).path("status").asText()).isEqualTo("NOTICES_PUBLISHED");

        // August clears its own settlements and July's carried pair, to the fen
        ok(post("/api/clearing/2025-08/case"), CENTRE);
        assertThat(cell(august, BEIJING, FUJIAN)).isEqualByComparingTo(
                a.sum(s -> s.insuredProvince().equals(FUJIAN) && s.medicalProvince().equals(BEIJING))
                        .add(j.sum(s -> s.insuredProvince().equals(FUJIAN) && s.medicalProvince().equals(BEIJING))));
        assertThat(cell(august, FUJIAN, BEIJING)).isEqualByComparingTo(
                a.sum(s -> s.insuredProvince().equals(BEIJING) && s.medicalProvince().equals(FUJIAN))
                        .add(j.sum(s -> s.insuredProvince().equals(BEIJING) && s.medicalProvince().equals(FUJIAN))));
        assertThat(cell(august, "440000", FUJIAN)).as("other pairs: August only")
                .isEqualByComparingTo(a.sum(s -> s.insuredProvince().equals(FUJIAN) && s.medicalProvince().equals("440000")));
        assertThat(amount(ok(get("/api/clearing/2025-08"), CENTRE).path("fundsTotal"))).isEqualByComparingTo(a.sum(s -> true).add(pair));
        assertThat(jdbc.sql("SELECT carried_into FROM app.clearing_carry WHERE from_month = DATE '2025-07-01'")
                .query(String.class).single()).isEqualTo("2025-08-01");

        // a dispute generated again with nothing changed: the amounts and the others' confirmations stay
        ok(post("/api/clearing/tasks/" + confirmationTask(BEIJING, august) + "/confirmation"), province(BEIJING));
        BigDecimal augustPair = cell(august, BEIJING, FUJIAN);
        ok(json("/api/clearing/tasks/" + confirmationTask(FUJIAN, august) + "/disputes",
                "{\"disputes\":[{\"pairProvince\":\"110000\",\"reason\":\"请核对\"}]}"), province(FUJIAN));
        String regenerate = tasks(CENTRE, august).stream().filter(t -> t.path("kind").asText().equals("RESOLVE_DISPUTES"))
                .findFirst().orElseThrow().path("taskId").asText();
        JsonNode again = ok(json("/api/clearing/tasks/" + regenerate + "/resolution",
                "{\"resolutions\":[{\"pairProvince\":\"110000\",\"resolution\":\"REGENERATED\"}]}"), CENTRE);
        assertThat(cell(august, BEIJING, FUJIAN)).as("the carried July pair is generated again with it").isEqualByComparingTo(augustPair);
        assertThat(provinceStatus(again, BEIJING)).isEqualTo("CONFIRMED");
        assertThat(provinceStatus(again, FUJIAN)).isEqualTo("PENDING");
        confirmAllPending(august);
        assertThat(ok(get("/api/clearing/2025-08"), CENTRE).path("status").asText()).isEqualTo("NOTICES_PUBLISHED");
    }

    @Test
    void aPairCarriedOverAndThenGeneratedAgainIsClearedOnce() throws Exception {
        YearMonth october = YearMonth.of(2025, 10);
        ClearingTestData.insert(jdbc, october, "CLP2510", 1_500);
        Expected o = ClearingTestData.expected(jdbc, october, "CLP2510");
        ok(post("/api/clearing/2025-10/case"), CENTRE);
        ok(json("/api/clearing/tasks/" + confirmationTask(FUJIAN, october) + "/disputes",
                "{\"disputes\":[{\"pairProvince\":\"110000\",\"reason\":\"待核实\"}]}"), province(FUJIAN));
        ok(json("/api/clearing/tasks/" + resolutionTask(october) + "/resolution",
                "{\"resolutions\":[{\"pairProvince\":\"110000\",\"resolution\":\"CARRIED_OVER\"}]}"), CENTRE);
        assertThat(cell(october, BEIJING, FUJIAN)).isEqualByComparingTo("0");
        // Beijing disputes the pair that is now missing; the centre brings it back into October
        ok(json("/api/clearing/tasks/" + confirmationTask(BEIJING, october) + "/disputes",
                "{\"disputes\":[{\"pairProvince\":\"350000\",\"reason\":\"应在本月清算\"}]}"), province(BEIJING));
        ok(json("/api/clearing/tasks/" + resolutionTask(october) + "/resolution",
                "{\"resolutions\":[{\"pairProvince\":\"350000\",\"resolution\":\"REGENERATED\"}]}"), CENTRE);
        assertThat(cell(october, BEIJING, FUJIAN)).isEqualByComparingTo(
                o.sum(s -> s.insuredProvince().equals(FUJIAN) && s.medicalProvince().equals(BEIJING)));
        assertThat(jdbc.sql("SELECT count(*) FROM app.clearing_carry WHERE from_month = DATE '2025-10-01'")
                .query(Long.class).single()).as("not carried as well").isZero();
        confirmAllPending(october);
        assertThat(ok(get("/api/clearing/2025-10"), CENTRE).path("status").asText()).isEqualTo("NOTICES_PUBLISHED");
    }

    String resolutionTask(YearMonth month) throws Exception {
        return tasks(CENTRE, month).stream().filter(t -> t.path("kind").asText().equals("RESOLVE_DISPUTES"))
                .findFirst().orElseThrow().path("taskId").asText();
    }
}
