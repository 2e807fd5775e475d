package cn.gov.ybj.crossprov.calendar.internal;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calendar on the embedded PostgreSQL: shipped files, re-import, the admin endpoint. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkingCalendarIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ShippedCalendars shipped;
    @Autowired
    CalendarImport importer;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private static MockHttpServletRequestBuilder upload(int year, String csv, String... groups) {
        return post("/api/admin/calendar/{year}", year)
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8))
                .with(jwt().jwt(j -> j.issuer("http://localhost:1/realms/clerks")
                        .claim("preferred_username", "cal-admin")
                        .claim("groups", List.of(groups))));
    }

    private long days(int year) {
        return jdbc.sql("SELECT count(*) FROM app.calendar_day WHERE extract(year FROM day) = ?")
                .param(year).query(Long.class).single();
    }

    private OffsetDateTime loadedAt(int year) {
        return jdbc.sql("SELECT loaded_at FROM app.calendar_year WHERE year = ?").param(year)
                .query(OffsetDateTime.class).single();
    }

    @Test
    @Order(1)
    void shippedYearsAreLoadedAtStartup() {
        assertThat(jdbc.sql("SELECT year, provisional, loaded_by FROM app.calendar_year ORDER BY year")
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getBoolean(2) + ":" + rs.getString(3)).list())
                .contains("2025:false:startup", "2026:false:startup", "2027:true:startup");
        assertThat(jdbc.sql("SELECT source FROM app.calendar_year WHERE year = 2026").query(String.class).single())
                .contains("国办发明电〔2025〕7号");
        assertThat(days(2025)).isEqualTo(33);
        assertThat(days(2026)).isEqualTo(39);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2025, 9, 30), 2)).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    @Order(2)
    void reimportIsANoOp() throws Exception {
        OffsetDateTime before = loadedAt(2025);
        assertThat(shipped.loadShipped()).isZero();
        byte[] file = new ClassPathResource("reference/calendar/cn-2025.csv").getContentAsByteArray();
        CalendarImport.Report again = importer.importCsv(2025, file, null, null, CalendarImport.STARTUP);
        assertThat(again.ok()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(loadedAt(2025)).isEqualTo(before);
        assertThat(days(2025)).isEqualTo(33);
    }

    @Test
    @Order(3)
    void onlyProcessAdminsMayUpload() throws Exception {
        mvc.perform(upload(2028, CalendarCsv.HEADER + "\n2028-01-01,HOLIDAY,元旦\n", "area-110105"))
                .andExpect(status().isForbidden());
        assertThat(days(2028)).isZero();
    }

    @Test
    @Order(4)
    void anUploadWithABadRowReportsItAndWritesNothing() throws Exception {
        String csv = CalendarCsv.HEADER + "\n"
                + "2026-01-01,HOLIDAY,元旦\n"
                + "2026-01-07,WORKDAY,周三调休\n"
                + "2026-13-01,HOLIDAY,坏日期\n";
        mvc.perform(upload(2026, csv, "process-admins"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("调休上班日应为周六或周日")))
                .andExpect(jsonPath("$.errors[1].line").value(4));
        assertThat(days(2026)).isEqualTo(39);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    }

    @Test
    @Order(5)
    void aGoodUploadReplacesTheYearAndIsNotUndoneByTheShippedFile() throws Exception {
        // as if the 2027 notice had been published (test data: a make-up Saturday on 30 Jan)
        String csv = "# source: 测试通知\n" + CalendarCsv.HEADER + "\n"
                + "2027-01-01,HOLIDAY,元旦\n"
                + "2027-01-30,WORKDAY,春节调休上班\n"
                + "2027-02-05,HOLIDAY,春节\n";
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 6, 9))).as("provisional 端午").isFalse();
        mvc.perform(upload(2027, csv, "process-admins").param("provisional", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.changed").value(true));

        assertThat(days(2027)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT source || '|' || provisional || '|' || loaded_by FROM app.calendar_year WHERE year = 2027")
                .query(String.class).single()).isEqualTo("测试通知|false|cal-admin");
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 30))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 6, 9))).as("snapshot reloaded").isTrue();
        assertThat(days(2026)).isEqualTo(39);

        // a restart does not put the provisional shipped file back over the admin's upload
        assertThat(shipped.loadShipped()).isZero();
        assertThat(days(2027)).isEqualTo(3);

        // the same upload again changes nothing
        mvc.perform(upload(2027, csv, "process-admins").param("provisional", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(false));
    }

    @Test
    @Order(6)
    void theSpringEngineResolvesTheBeanAndTheCalendar() {
        String deployment = engine.getRepositoryService().createDeployment()
                .addClasspathResource("calendar/working-days-expression.bpmn")
                .addClasspathResource("calendar/working-days-calendar.bpmn").deploy().getId();
        try {
            java.time.Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
            String byBean = engine.getRuntimeService().startProcessInstanceByKey("working-days-expression").getId();
            String byCalendar = engine.getRuntimeService().startProcessInstanceByKey("working-days-calendar").getId();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(byBean).singleResult().getDueDate())
                    .isEqualTo(java.util.Date.from(workingDays.deadline(now, 2).toInstant()));
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(byCalendar).singleResult().getDueDate())
                    .isEqualTo(java.util.Date.from(workingDays.deadline(now, 1).toInstant()));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}
