package cn.gov.ybj.crossprov;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The application on real (embedded) PostgreSQL, without Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApplicationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MockMvc mvc;
    @Autowired
    TaskScheduler scheduler;

    @Test
    void aLongScheduledJobDoesNotHoldUpTheOthers() throws InterruptedException {
        CountDownLatch summed = new CountDownLatch(1);
        CountDownLatch beat = new CountDownLatch(1);
        try {
            // a day being summed (a minute at national scale), then the heartbeat's next beat
            scheduler.schedule(() -> {
                try {
                    summed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, Instant.now());
            scheduler.schedule(beat::countDown, Instant.now().plusMillis(100));
            assertThat(beat.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            summed.countDown();
        }
    }

    @Test
    void runsOnPostgresqlWithUtf8AndFlywaySchema() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL 17");
        assertThat(jdbc.sql("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")
                .query(String.class).single()).isEqualTo("UTF8");
        assertThat(jdbc.sql("SELECT full_name FROM app.division WHERE code = '110105'").query(String.class).single()).isEqualTo("北京市朝阳区");
        // pooled connections keep cached plans; only the institution search re-plans (SET LOCAL)
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("auto");
        // Camunda keeps its own tables apart from the business schema
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'act_ru_task'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * application.yml's pool settings reach the embedded server's pool as they reach an external database's: the driver
     * sends the engine's batched history rows as one insert, and the pool has its configured size (Hikari's own is 10).
     */
    @Test
    void thePoolOfTheEmbeddedServerHasTheConfiguredSettings() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
        }
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getMaximumPoolSize()).isEqualTo(30);
        assertThat(pool.getPoolName()).isEqualTo("crossprov");
    }

    @Test
    void engineDeploysFromBpmnFolderAndRunsAProcessOnPostgres() {
        assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("case-full"); // workflow.internal.CaseHistoryLevel
        // every model of bpmn/ is deployed; the scaffolding process platform-check is gone
        assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
                .extracting(ProcessDefinition::getKey).contains("filing", "filing-change", "filing-cancellation",
                        "supplemental-materials", "chronic-institution-choice", "national-registry-report",
                        "medical-insurance-transfer")
                .doesNotContain("platform-check");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("filing-review-mode").latestVersion().count())
                .isEqualTo(1);

        // a process with a user task runs and ends on PostgreSQL, with its history
        repositoryService.createDeployment().addModelInstance("application-test.bpmn", Bpmn.createExecutableProcess("application-test")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Check").endEvent().done()).deploy();
        String id = runtimeService.startProcessInstanceByKey("application-test").getId();
        var task = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Check");
        taskService.complete(task.getId(), Map.of("checked", true));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).completed().count()).isEqualTo(1);
    }

    @Test
    void startPageIsPublic() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void apiAndEngineRestRequireABearerToken() {
        assertThat(http.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void cockpitSendsAnonymousVisitorsToTheClerksLogin() throws Exception {
        // java.net.http does not follow redirects unless asked to
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(http.getRootUri() + "/camunda/app/cockpit/default/")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/oauth2/authorization/clerks"));
    }

    @Test
    void aLoginWhileKeycloakIsDownLandsOnTheStartPageWithItsMessage() throws Exception {
        // Keycloak is not running in this test (issue 19: new logins fail with a clear page, not a browser error)
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(http.getRootUri() + "/oauth2/authorization/insured")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/?login-unavailable"));
    }

    @Test
    void healthReportsDatabaseUpAndKeycloakDown() throws Exception {
        // Keycloak is not running in this test: health must say so instead of hiding it
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // anonymous callers get the status (and the names of the probe groups) only
        assertThat(anonymous.getBody()).isEqualTo("{\"status\":\"DOWN\",\"groups\":[\"liveness\",\"readiness\"]}");
        // a process admin sees which component is down
        mvc.perform(get("/actuator/health").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_PROCESS_ADMIN"))))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.keycloak.status").value("DOWN"));
        mvc.perform(get("/actuator/health").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_CLERK"))))
                .andExpect(jsonPath("$.components").doesNotExist());
        // the load balancer's question is whether this node can serve: with its database it can, Keycloak or not
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void prometheusMetricsAreExposed() {
        http.getForEntity("/actuator/health", String.class);
        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("jvm_memory_used_bytes").contains("hikaricp_connections")
                // every request is timed; Spring Security's own observations per request are off (SecurityConfig)
                .contains("http_server_requests_seconds_count").doesNotContain("spring_security_filterchains");
    }
}
