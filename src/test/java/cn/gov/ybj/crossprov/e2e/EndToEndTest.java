package cn.gov.ybj.crossprov.e2e;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.localrun.LocalKeycloak;
import cn.gov.ybj.crossprov.reference.InstitutionImport;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack from the outside: a real Keycloak (from its distribution, realms imported
 * from keycloak-realm/), the application on embedded PostgreSQL, and headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "app.local-keycloak.enabled=true",
        "app.keycloak.camunda-identity=true",
        // expired means expired: no clock skew in this test
        "app.security.jwt-clock-skew=0s"})
@ActiveProfiles("test")
class EndToEndTest {

    private static final String PASSWORD = "Demo@2026";
    private static final String TEST_CLIENT_SECRET = "crossprov-test-secret";
    private static final int APP_PORT = freePort();
    private static final String APP = "http://localhost:" + APP_PORT;

    static {
        // the realms' redirect URIs are built from the app's address when Keycloak starts
        System.setProperty("server.port", String.valueOf(APP_PORT));
    }

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private WebDriver browser;
    @Autowired
    InstitutionImport institutionImport;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FilingManagement filings;
    @Autowired
    cn.gov.ybj.crossprov.insured.InsuranceRegistryImport registryImport;
    @Autowired
    cn.gov.ybj.crossprov.localrun.SmsSimulator sms;
    @Autowired
    PoolingAreas areas;

    @AfterAll
    static void clearPort() {
        System.clearProperty("server.port");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void insuredPersonLogsInLandsOnMyFilingsAndCannotOpenOtherRealmsScreens() {
        login("login-insured", "zhangwei");
        assertThat(text("view-title")).isEqualTo("我的备案");
        // name and masked ID number, never the full number
        assertThat(text("current-user")).contains("张伟").doesNotContain("110105195803120029");

        assertRefused("/clerk/inbox");
        assertRefused("/provincial");
    }

    @Test
    void clerkLogsInLandsOnInboxWithUnitAndCannotOpenInsuredScreens() {
        login("login-clerks", "cy-reviewer");
        assertThat(text("view-title")).isEqualTo("待办任务");
        assertThat(text("current-user")).contains("北京市朝阳区").contains("110105");

        assertRefused("/insured");
        assertRefused("/provincial");
    }

    @Test
    void provincialOfficerLogsInLandsOnClearingAndCannotOpenClerkScreens() {
        login("login-provincial", "fj-clearing");
        assertThat(text("view-title")).isEqualTo("清算与预付金");
        assertThat(text("current-user")).contains("福建省").contains("350000");

        assertRefused("/clerk/inbox");
        assertRefused("/insured");
    }

    @Test
    void englishSwitchAndLogoutEndTheKeycloakSessionToo() {
        login("login-insured", "chenjing");
        browser.findElement(By.id("language-switch")).click();
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "My filings"));

        browser.findElement(By.id("logout")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-insured")));
        // the Keycloak session is gone: entering again shows the login form, not the app
        browser.findElement(By.id("login-insured")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(LocalKeycloak.server().url());
    }

    @Test
    void processAdminReachesCockpitThroughSingleSignOnOtherClerksDoNot() throws Exception {
        login("login-clerks", "process-admin");
        browser.get(APP + "/camunda/app/cockpit/default/");
        waitFor(d -> d.getTitle().contains("Cockpit"));
        browser.get(APP + "/camunda/api/admin/auth/user/default");
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).startsWith("{");
        JsonNode auth = json.readTree(body);
        assertThat(auth.path("userId").asText()).isEqualTo("process-admin");
        assertThat(auth.path("authorizedApps").toString()).contains("cockpit");

        String reviewerToken = token("clerks", "cy-reviewer");
        assertThat(call("/engine-rest/process-definition", reviewerToken).statusCode()).isEqualTo(403);
        HttpResponse<String> definitions = call("/engine-rest/process-definition?key=filing", token("clerks", "process-admin"));
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"filing\"");
        // bulk import of institutions: process admins only, per-row report, nothing written on a bad row
        String admin = token("clerks", "process-admin");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(APP + "/api/admin/institutions/import"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(InstitutionImport.HEADER + "\n1,999999,某医院,1234567890123,一级,综合医院,某地\n",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"line\":2").contains("未知的行政区");
        HttpResponse<String> byReviewer = http.send(HttpRequest.newBuilder(URI.create(APP + "/api/admin/institutions/import"))
                .header("Authorization", "Bearer " + reviewerToken).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(InstitutionImport.HEADER + "\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byReviewer.statusCode()).isEqualTo(403);

        // Camunda's users and groups are Keycloak's, with group names as ids (candidate groups in BPMN)
        HttpResponse<String> groups = call("/engine-rest/group?member=cy-reviewer", token("clerks", "process-admin"));
        assertThat(groups.body()).contains("\"id\":\"area-110105\"");
        // and their names as Cockpit shows them (firstName + " " + lastName): whole, no "null"
        JsonNode profile = json.readTree(call("/engine-rest/user/process-admin/profile", token("clerks", "process-admin")).body());
        assertThat(profile.path("firstName").asText() + " " + profile.path("lastName").asText()).isEqualTo("流程管理员 ");
        assertThat(profile.path("lastName").isNull()).isFalse();
    }

    @Test
    void apiAcceptsTokensOfEachRealmAndRefusesForeignOrExpiredOnes() throws Exception {
        for (Map.Entry<String, String> realmUser : Map.of("insured", "liuyang", "clerks", "xm-counter", "provincial", "nc-prepayment").entrySet()) {
            HttpResponse<String> me = call("/api/me", token(realmUser.getKey(), realmUser.getValue()));
            assertThat(me.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(me.body());
            assertThat(body.path("realm").asText()).isEqualTo(realmUser.getKey());
            assertThat(body.path("username").asText()).isEqualTo(realmUser.getValue());
        }
        // the hospital system is no officer: HOSPITAL and nothing else
        JsonNode hospital = json.readTree(call("/api/me", hospitalToken()).body());
        assertThat(hospital.path("roles").toString()).isEqualTo("[\"HOSPITAL\"]");
        // unknown and Keycloak's own roles in a token give nothing
        assertThat(json.readTree(call("/api/me", token("clerks", "cy-supervisor")).body()).path("roles").toString())
                .isEqualTo("[\"CLERK\",\"SUPERVISOR\"]");

        // a token of another realm of the same Keycloak (master) is refused
        String master = tokenFrom("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
        assertThat(call("/api/me", master).statusCode()).isEqualTo(401);
        assertThat(call("/api/me", "not-a-token").statusCode()).isEqualTo(401);

        // an expired token is refused: make the hospital client's tokens live one second
        setClientAttribute("provincial", "hospital-system", "access.token.lifespan", "1");
        String shortLived = hospitalToken();
        long exp = json.readTree(java.util.Base64.getUrlDecoder().decode(shortLived.split("\\.")[1])).path("exp").asLong();
        while (Instant.now().getEpochSecond() <= exp) {
            Thread.sleep(200);
        }
        assertThat(call("/api/me", shortLived).statusCode()).isEqualTo(401);
        setClientAttribute("provincial", "hospital-system", "access.token.lifespan", "");
    }

    @Test
    void selfServiceFilingInTheBrowserOpensAtOnce() {
        login("login-insured", "chenjing");
        click("new-filing");
        fileOtherTemporaryTrip("北京", "2026-12-31");

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("result-status"), "开通成功"));
        assertThat(text("result-filing-number")).matches("B350200\\d{7}");
        click("view-records");
        WebElement selfServiceTab = waitFor(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-tab[normalize-space(.)='自助开通']")));
        selfServiceTab.click();
        waitFor(d -> d.findElement(By.id("filings-national-app-self-service")).getText().contains("已开通"));
    }

    @Test
    void quickFilingInTheBrowserIsApprovedByTheAreaClerk() {
        login("login-insured", "zhangwei");
        click("new-filing");
        fileOtherTemporaryTrip("上海", "2026-12-31");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("result-status"), "提交成功"));
        String serial = text("result-serial");
        click("logout");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-clerks")));

        login("login-clerks", "cy-reviewer");
        click("work-" + serial);
        WebElement decision = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("form-decision")));
        click(decision.findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(b -> b.getText().contains("通过")).findFirst().orElseThrow());
        click("review-submit");
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "待办任务"));
        waitFor(d -> jdbc.sql("SELECT status FROM app.filing WHERE application_serial = ?").param(serial)
                .query(String.class).single().equals("OPENED"));
    }

    @Test
    void selfServiceFilingIsCancelledFromTheRecordsAndTheCaseShowsInProgress() {
        String person = "350206199001015563";
        AppUser linfang = new AppUser(Realm.INSURED, "linfang", "林芳", Set.of("INSURED"), List.of(), null);
        Filing filing = filings.submit(linfang, new FilingApplication(person, "350200", "440100", InsuranceType.EMPLOYEE,
                FilingType.OTHER_TEMPORARY, LocalDate.of(2032, 5, 1), LocalDate.of(2032, 5, 31), "林芳", "13800138000",
                "广州市示例路 3 号", null, false, false, false, true, true, List.of()), "e2e-cancel-1");
        assertThat(filing.status()).isEqualTo(FilingStatus.OPENED);

        login("login-insured", "linfang");
        click(waitFor(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='自助开通']"))));
        click("cancel-" + filing.applicationSerial());
        click("cancel-confirm");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("cancel-result-status"), "已关闭"));
        assertThat(jdbc.sql("SELECT status FROM app.filing WHERE id = ?").param(filing.id()).query(String.class).single())
                .isEqualTo("CLOSED");

        browser.get(APP + "/insured/progress");
        click("show-finished");
        waitFor(d -> d.findElement(By.id("progress")).getText().contains("取消备案"));
        String cancellationCase = jdbc.sql("SELECT process_instance_id FROM app.filing_cancellation WHERE filing_id = ?")
                .param(filing.id()).query(String.class).single();
        browser.get(APP + "/insured/progress/" + cancellationCase);
        waitFor(d -> d.findElement(By.id("timeline")).getText().contains("备案已取消"));
        assertThat(text("progress-item")).contains("取消备案", filing.applicationSerial(), "已关闭");
    }

    /** The wizard for oneself: a 其他跨省临时外出就医 trip from today to {@code end}. */
    private void fileOtherTemporaryTrip(String province, String end) {
        WebElement provinces = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("treatment-province")));
        provinces.findElement(By.tagName("input")).sendKeys(province);
        waitFor(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-combo-box-item[starts-with(normalize-space(.), '" + province + "')]"))).click();
        click(browser.findElement(By.id("filing-type-temporary")).findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(b -> b.getText().contains("其他跨省临时外出就医人员")).findFirst().orElseThrow());
        click("start-filing");
        click("notice-accepted");
        click("notice-continue");
        WebElement endDate = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("end-date")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", endDate, end);
        type("contact-phone", "13800138000");
        type("contact-address", "示例路 8 号");
        click("form-continue");
        click("commitment-accepted");
        click("submit-filing");
    }

    @Test
    void filingThroughTheApiWithRealTokensReachesOnlyItsOwnersAndItsAreasClerks() throws Exception {
        String zhangwei = token("insured", "zhangwei");
        String application = """
                {"personIdNumber":"110105195803120029","insuredAreaCode":"110105","treatmentAreaCode":"460000",
                 "insuranceType":"EMPLOYEE","filingType":"OTHER_TEMPORARY","startDate":"2029-01-01","endDate":"2029-02-28",
                 "contactName":"张伟","contactPhone":"13800138000","contactAddress":"海南省海口市示例路 2 号",
                 "noticeAccepted":true,"commitmentAccepted":true}""";
        HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(APP + "/api/filings"))
                .header("Authorization", "Bearer " + zhangwei).header("Content-Type", "application/json")
                .header("Idempotency-Key", "e2e-api-1").POST(HttpRequest.BodyPublishers.ofString(application)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
        JsonNode filing = json.readTree(filed.body());
        assertThat(filing.path("statusLabel").asText()).isEqualTo("申办中");
        assertThat(filing.path("personIdNumber").asText()).isEqualTo("110*****0029");
        String id = filing.path("id").asText();

        assertThat(call("/api/filings/" + id, zhangwei).statusCode()).isEqualTo(200);
        assertThat(call("/api/filings/" + id, token("insured", "liuyang")).statusCode()).isEqualTo(404);

        String xiamen = token("clerks", "xm-reviewer");
        String chaoyang = token("clerks", "cy-reviewer");
        assertThat(call("/api/inbox", xiamen).body()).doesNotContain(filing.path("applicationSerial").asText());
        JsonNode inbox = json.readTree(call("/api/inbox?limit=200", chaoyang).body());
        String taskId = null;
        for (JsonNode item : inbox.path("items")) {
            if (filing.path("applicationSerial").asText().equals(item.path("summary").path("reference").asText())) {
                taskId = item.path("taskId").asText();
            }
        }
        assertThat(taskId).isNotNull();
        assertThat(call("/api/filing-reviews/" + taskId, xiamen).statusCode()).isEqualTo(404);
        HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create(APP + "/api/filing-reviews/" + taskId))
                .header("Authorization", "Bearer " + chaoyang).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("statusLabel").asText()).isEqualTo("备案成功");
    }

    @Test
    void anyoneCanQueryDesignatedInstitutionsWithoutLogin() throws Exception {
        try (var seeds = new ClassPathResource("reference/institutions-seed.csv").getInputStream()) {
            assertThat(institutionImport.importCsv(seeds, false).ok()).isTrue();
        }
        browser.get(APP + "/");
        waitFor(ExpectedConditions.elementToBeClickable(By.id("public-institutions"))).click();
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "异地定点医疗机构查询"));
        WebElement name = browser.findElement(By.id("filter-name"));
        name.findElement(By.tagName("input")).sendKeys("安贞");
        browser.findElement(By.id("search")).click();
        waitFor(ExpectedConditions.textToBe(By.id("total"), "共 3 家"));
        waitFor(d -> d.findElement(By.id("institutions")).getText().contains("北京安贞妇产医院"));
        assertThat(browser.findElement(By.id("institutions")).getText()).contains("1100001007159").doesNotContain("北京魏尔奇普福西院");
    }

    @Test
    void inboxApiIsForClerksOnlyWithABilingualRefusal() throws Exception {
        assertThat(call("/api/inbox", token("clerks", "xm-reviewer")).statusCode()).isEqualTo(200);
        for (String bearer : List.of(token("insured", "liuyang"), token("provincial", "bj-clearing"), hospitalToken())) {
            for (HttpResponse<String> refused : List.of(call("/api/inbox", bearer),
                    send(HttpRequest.newBuilder(URI.create(APP + "/api/inbox/some-task/claim")).header("Authorization", "Bearer " + bearer)
                            .POST(HttpRequest.BodyPublishers.noBody())))) {
                assertThat(refused.statusCode()).isEqualTo(403);
                JsonNode body = json.readTree(refused.body());
                assertThat(body.path("messageZh").asText()).startsWith("无权访问");
                assertThat(body.path("messageEn").asText()).startsWith("Access denied");
            }
        }
    }

    @Test
    void healthShowsComponentsToProcessAdminsOnly() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(APP + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        // the status and the names of the probe groups, nothing of the parts
        assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        assertThat(json.readTree(call("/actuator/health", token("clerks", "cy-reviewer")).body()).has("components")).isFalse();

        JsonNode admin = json.readTree(call("/actuator/health", token("clerks", "process-admin")).body());
        assertThat(admin.path("status").asText()).isEqualTo("UP");
        assertThat(admin.path("components").path("keycloak").path("details").path("clerks").asInt()).isEqualTo(200);
        assertThat(admin.path("components").path("db").path("status").asText()).isEqualTo("UP");
        // a component's own path is the process admin's too
        assertThat(send(HttpRequest.newBuilder(URI.create(APP + "/actuator/health/db"))).statusCode()).isEqualTo(404);
        assertThat(call("/actuator/health/db", token("clerks", "process-admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void simulatorAnswersProcessAdminsAndTheRegistryClientOnly() throws Exception {
        String events = "/sim/national-registry/filing-events";
        String failure = "/sim/national-registry/failure?failing=false";
        assertThat(send(HttpRequest.newBuilder(URI.create(APP + events))).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(URI.create(APP + failure)).PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(401);
        String reviewer = token("clerks", "cy-reviewer");
        assertThat(call(events, reviewer).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(APP + failure)).header("Authorization", "Bearer " + reviewer)
                .PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
        assertThat(call(events, token("insured", "zhangwei")).statusCode()).isEqualTo(403);

        String admin = token("clerks", "process-admin");
        assertThat(call(events, admin).statusCode()).isEqualTo(200);
        HttpResponse<String> steered = send(HttpRequest.newBuilder(URI.create(APP + failure)).header("Authorization", "Bearer " + admin)
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(steered.statusCode()).isEqualTo(200);
        assertThat(steered.body()).contains("\"failing\":false");

        // reports: the registry's shared secret, as the application's registry client sends it; nothing else
        String notice = "[{\"eventId\": 987654321, \"action\": \"e2e\"}]";
        HttpRequest.Builder report = HttpRequest.newBuilder(URI.create(APP + events)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(notice));
        assertThat(send(report.copy()).statusCode()).isEqualTo(401);
        assertThat(send(report.copy().header("X-Api-Key", "wrong")).statusCode()).isEqualTo(401);
        assertThat(send(report.copy().header("Authorization", "Bearer " + admin)).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = send(report.copy().header("X-Api-Key", "test-registry-key"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("NR000987654321");
    }

    @Test
    void realmsEnforcePasswordPolicyTemporaryLockoutAndNoPasswordGrantOnTheWebClient() throws Exception {
        String admin = adminToken();
        for (String realm : List.of("insured", "clerks", "provincial")) {
            JsonNode settings = json.readTree(admin(admin, "GET", "/" + realm, null).body());
            assertThat(settings.path("passwordPolicy").asText()).isEqualTo("length(8) and notUsername and notEmail and passwordHistory(3)");
            assertThat(settings.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(settings.path("permanentLockout").asBoolean()).as("lockout is temporary").isFalse();
            assertThat(settings.path("failureFactor").asInt()).isBetween(3, 10);
            assertThat(settings.path("maxFailureWaitSeconds").asInt()).isBetween(60, 3600);
            assertThat(settings.path("offlineSessionMaxLifespanEnabled").asBoolean()).isTrue();
            assertThat(settings.path("offlineSessionMaxLifespan").asInt()).isPositive();
            // no password grant for the application's client
            HttpResponse<String> refused = tokenResponse(realm, passwordGrant("crossprov-web", realm + "-web-secret",
                    realm.equals("insured") ? "zhangwei" : realm.equals("clerks") ? "cy-reviewer" : "bj-clearing", PASSWORD));
            assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
            assertThat(refused.body()).contains("unauthorized_client");
        }
        // the local run and the tests sign clerks in without TOTP; production requires it (realm file default)
        assertThat(admin(admin, "GET", "/clerks/authentication/flows/clerks%20browser/executions", null).body())
                .contains("\"providerId\":\"auth-otp-form\"").contains("\"requirement\":\"DISABLED\"");

        HttpResponse<String> created = admin(admin, "POST", "/clerks/users", """
                {"username":"policy-check","enabled":true,"email":"policy-check@demo.crossprov.local",
                 "firstName":"检查","lastName":"策略","emailVerified":true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String user = "/clerks/users/" + created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        try {
            for (String weak : List.of("1", "short", "policy-check", "policy-check@demo.crossprov.local")) {
                assertThat(resetPassword(admin, user, weak).statusCode()).as(weak).isEqualTo(400);
            }
            assertThat(resetPassword(admin, user, PASSWORD).statusCode()).isEqualTo(204);
            assertThat(resetPassword(admin, user, PASSWORD).statusCode()).as("password history").isEqualTo(400);

            // five wrong passwords lock the account for a while, not for ever
            for (int i = 0; i < 5; i++) {
                assertThat(tokenResponse("clerks", passwordGrant("crossprov-test", TEST_CLIENT_SECRET, "policy-check", "Wrong@2026"))
                        .statusCode()).isIn(400, 401);
            }
            assertThat(tokenResponse("clerks", passwordGrant("crossprov-test", TEST_CLIENT_SECRET, "policy-check", PASSWORD))
                    .statusCode()).as("locked").isIn(400, 401);
            JsonNode lock = json.readTree(admin(admin, "GET", "/clerks/attack-detection/brute-force" + user.substring("/clerks".length()), null).body());
            assertThat(lock.path("disabled").asBoolean()).isTrue();
            assertThat(json.readTree(admin(admin, "GET", user, null).body()).path("enabled").asBoolean())
                    .as("not disabled for good").isTrue();
            assertThat(admin(admin, "DELETE", "/clerks/attack-detection/brute-force" + user.substring("/clerks".length()), null)
                    .statusCode()).isEqualTo(204);
            assertThat(tokenResponse("clerks", passwordGrant("crossprov-test", TEST_CLIENT_SECRET, "policy-check", PASSWORD))
                    .statusCode()).isEqualTo(200);
        } finally {
            admin(admin, "DELETE", user, null);
        }
    }

    @Test
    void loginAfterLogoutAndBackLandsOnTheNewRealmsHome() {
        login("login-insured", "zhangwei");
        browser.get(APP + "/insured/progress");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("view-title")));
        click("logout");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-clerks")));
        // Back opens the protected page again, now without login: it must not be remembered
        browser.navigate().back();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-clerks")));
        assertThat(browser.findElements(By.id("view-title"))).isEmpty();

        login("login-clerks", "cy-reviewer");
        assertThat(text("view-title")).isEqualTo("待办任务");
        assertThat(browser.getCurrentUrl()).doesNotContain("/insured");
        assertThat(browser.findElements(By.id("access-denied"))).isEmpty();
    }

    @Test
    void cockpitLogoutEndsTheSessionsAndTheNextVisitAsksKeycloak() {
        login("login-clerks", "process-admin");
        browser.get(APP + "/camunda/app/cockpit/default/");
        waitFor(d -> d.getTitle().contains("Cockpit"));
        // the simulators take a process admin's browser session too
        browser.get(APP + "/sim/national-registry/filing-events");
        assertThat(browser.findElement(By.tagName("body")).getText()).startsWith("[");
        browser.get(APP + "/camunda/app/cockpit/default/");
        waitFor(d -> d.getTitle().contains("Cockpit"));

        // what Cockpit's "Log out" sends
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const xsrf = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '';
                fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST', headers: {'X-XSRF-TOKEN': xsrf}})
                    .then(r => done(r.status), e => done(String(e)));""");
        assertThat(status).isEqualTo(200L);

        browser.get(APP + "/camunda/app/cockpit/default/");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(LocalKeycloak.server().url());
        // the application session is gone too
        browser.get(APP + "/home");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-clerks")));
    }

    // ---- 医疗保险关系转移接续 in the browser ----

    @Test
    void transferOutFromTheApplicationToTheCertificateDownload() throws Exception {
        String person = "350206199203180487"; // 许晓燕, insured in 厦门 350200 (demo account xuxiaoyan, used nowhere else)
        PoolingArea chaoyang = areas.find("110105").orElseThrow();
        login("login-insured", "xuxiaoyan");
        openFromMenu("职工医疗保险关系转出申请", "职工医疗保险关系转出申请");

        WebElement inArea = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-in-area")));
        inArea.findElement(By.tagName("input")).sendKeys("朝阳");
        click(waitFor(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-combo-box-item[normalize-space(.)='北京市朝阳区（110105）']"))));
        click("transfer-query");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-preview")));
        assertThat(text("preview-name")).isEqualTo("许晓燕");
        assertThat(text("preview-id")).isEqualTo("350*****0487");
        assertThat(text("transfer-preview")).doesNotContain(person);
        assertThat(text("preview-out-area")).isEqualTo("福建省厦门市");
        assertThat(text("preview-in-area")).isEqualTo("北京市朝阳区");
        // where the in-area wants the personal account's balance paid: its bank data
        assertThat(chaoyang.bankAccountNo()).isNotBlank();
        assertThat(text("preview-bank-account-name")).isEqualTo(chaoyang.bankAccountName());
        assertThat(text("preview-bank-name")).isEqualTo(chaoyang.bankName());
        assertThat(text("preview-bank-account-no")).isEqualTo(chaoyang.bankAccountNo());
        assertThat(text("preview-balance")).isEqualTo("¥2468.00");

        type("transfer-phone", "13912340487");
        click("transfer-submit");
        String submitted = text("transfer-submitted");
        java.util.regex.Matcher serialNo = java.util.regex.Pattern.compile("流水号 (\\d+)").matcher(submitted);
        assertThat(serialNo.find()).as(submitted).isTrue();
        String serial = serialNo.group(1);
        click("transfer-open-progress");
        waitFor(ExpectedConditions.urlMatches("/transfers/[0-9a-f-]{36}$"));
        String id = browser.getCurrentUrl().replaceAll(".*/transfers/", "");
        assertThat(text("case-serial")).isEqualTo(serial);
        assertThat(text("case-status")).isEqualTo("转出地审核中");
        click("logout");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-clerks")));

        // the out-area's clerk: 审核, then 办理转出, each from the inbox
        login("login-clerks", "xm-reviewer");
        decideTransferStep(serial, "转移接续·转出地审核", "审核通过");
        decideTransferStep(serial, "转移接续·转出地办理转出", "办理转出");
        click("logout");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-clerks")));

        String xuxiaoyan = token("insured", "xuxiaoyan");
        JsonNode transferred = json.readTree(call("/api/transfers/" + id, xuxiaoyan).body());
        assertThat(transferred.path("status").asText()).isEqualTo("TRANSFERRING_IN");
        assertThat(transferred.path("balance").decimalValue()).isEqualByComparingTo("2468.00");
        String certificateNo = transferred.path("certificateNo").asText();
        assertThat(certificateNo).matches("350200-\\d{6}");

        // 打印转移接续参保凭证: the download link, fetched in her browser session
        login("login-insured", "xuxiaoyan");
        openFromMenu("打印转移接续参保凭证", "打印医疗保险关系转移接续参保凭证");
        waitFor(d -> d.findElement(By.id("certificates")).getText().contains(certificateNo));
        WebElement download = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-download-" + serial)));
        assertThat(browser.findElement(By.id("certificate-view-" + serial)).getText()).isEqualTo("查看参保凭证");
        @SuppressWarnings("unchecked")
        Map<String, Object> fetched = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = '';
                    for (let i = 0; i < bytes.length; i += 0x8000) {
                        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                    }
                    done({status: r.status, type: r.headers.get('Content-Type') || '', body: btoa(binary)});
                }, e => done({status: String(e)}));""", download);
        assertThat(fetched.get("status")).isEqualTo(200L);
        assertThat((String) fetched.get("type")).startsWith("application/pdf");
        String certificate = pdfText(java.util.Base64.getDecoder().decode((String) fetched.get("body")));
        assertThat(certificate).contains("基本医疗保险参保(合)凭证", certificateNo, "许晓燕", "贰仟肆佰陆拾捌元整");

        // nobody else sees the case or its certificate: another insured person, a clerk of 110108
        for (String stranger : List.of(token("insured", "liuyang"), token("clerks", "hd-reviewer"))) {
            assertThat(call("/api/transfers/" + id, stranger).statusCode()).isEqualTo(404);
            assertThat(call("/api/transfers/" + id + "/certificate.pdf", stranger).statusCode()).isEqualTo(404);
        }
        assertThat(call("/api/transfers/" + id + "/certificate.pdf", xuxiaoyan).statusCode()).isEqualTo(200);
    }

    /** A screen from the side navigation. */
    private void openFromMenu(String menuItem, String viewTitle) {
        click(waitFor(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-side-nav-item[normalize-space(.)='" + menuItem + "']"))));
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), viewTitle));
    }

    /** A transfer step from the inbox: the task's screen, the decision, back in the inbox. */
    private void decideTransferStep(String serial, String title, String decision) {
        click("work-" + serial);
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), title));
        WebElement decisions = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("form-decision")));
        click(decisions.findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(b -> b.getText().contains(decision)).findFirst().orElseThrow());
        click("review-submit");
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "待办任务"));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    // ---- 实名认证 and family links in the browser ----

    /** A person of the registry (born 1939: no demo person is) and a fresh Keycloak account for them. */
    private String[] newPersonWithAccount(String username, String sequence, String mobile) throws Exception {
        String id = cn.gov.ybj.crossprov.insured.DemoRegistryGenerator.withCheck("1101051939" + sequence);
        String name = "浏览" + sequence.substring(sequence.length() - 1);
        String csv = cn.gov.ybj.crossprov.insured.InsuranceRegistryImport.HEADER + "\n" + id + "," + name + ","
                + ((id.charAt(16) - '0') % 2 == 1 ? "M" : "F") + ",,110105,EMPLOYEE,IN_SERVICE,NORMAL,测试单位,110105:EMPLOYEE:2000-01~,"
                + mobile + "\n";
        assertThat(registryImport.importCsv(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false).errors()).isEmpty();
        HttpResponse<String> created = admin(adminToken(), "POST", "/insured/users", json.writeValueAsString(Map.of(
                "username", username, "enabled", true, "emailVerified", true, "firstName", "用户", "lastName", "新",
                "email", username + "@example.invalid",
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new String[]{id, name};
    }

    private void bindBySmsInTheBrowser(String name, String idNumber, String mobile) {
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "实名认证"));
        type("binding-name", name);
        type("binding-id-number", idNumber);
        click("binding-send-code");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("binding-sms-info"), mobile.substring(7)));
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("验证码(\\d{6})").matcher(sms.sentTo(mobile).get(0).text());
        assertThat(code.find()).isTrue();
        type("binding-code", code.group(1));
        click("binding-confirm");
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "我的备案"));
    }

    @Test
    void aNewAccountSeesNothingUntilItBindsItselfBySmsAndCannotTypeAnIdNumberInKeycloak() throws Exception {
        String[] person = newPersonWithAccount("e2e-bind", "0101901", "13700000001");
        login("login-insured", "e2e-bind");
        // every insured screen leads to 实名认证 first
        assertThat(text("view-title")).isEqualTo("实名认证");
        browser.get(APP + "/insured/record");
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "实名认证"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(person[1]).doesNotContain("测试单位");

        bindBySmsInTheBrowser(person[1], person[0].toLowerCase(), "13700000001");
        browser.get(APP + "/insured/record");
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "参保信息"));
        // the record's fields are read-only inputs: their values, not their text
        waitFor(d -> String.valueOf(((JavascriptExecutor) d).executeScript("""
                return Array.from(document.querySelectorAll('#record vaadin-text-field')).map(f => f.value).join(' ')"""))
                .contains(person[1]));

        // the user cannot set an ID number in Keycloak: the attribute is admins' only, and an attempt
        // through the account API leaves it unset
        String admin = adminToken();
        JsonNode idNumber = null;
        for (JsonNode attribute : json.readTree(admin(admin, "GET", "/insured/users/profile", null).body()).path("attributes")) {
            if (attribute.path("name").asText().equals("idNumber")) {
                idNumber = attribute;
            }
        }
        assertThat(idNumber).isNotNull();
        assertThat(idNumber.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
        assertThat(idNumber.has("required")).isFalse();
        String token = tokenFrom("insured", passwordGrant("crossprov-test", TEST_CLIENT_SECRET, "e2e-bind", PASSWORD));
        URI account = URI.create(LocalKeycloak.server().url() + "/realms/insured/account/");
        HttpResponse<String> me = send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json"));
        if (me.statusCode() == 200) {
            com.fasterxml.jackson.databind.node.ObjectNode profile = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(me.body());
            profile.putObject("attributes").putArray("idNumber").add("110105195803120029");
            send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(profile))));
        }
        JsonNode user = json.readTree(admin(admin, "GET", "/insured/users?exact=true&username=e2e-bind", null).body()).get(0);
        assertThat(user.path("attributes").path("idNumber").isMissingNode()).as(user.toString()).isTrue();
    }

    @Test
    void aFamilyLinkWaitsForTheMembersConsentGivenInTheMembersOwnBrowserSession() throws Exception {
        String[] owner = newPersonWithAccount("e2e-owner", "0102903", "13700000002");
        String[] member = newPersonWithAccount("e2e-member", "0102905", "13700000003");
        login("login-insured", "e2e-owner");
        bindBySmsInTheBrowser(owner[1], owner[0], "13700000002");

        browser.get(APP + "/insured/family");
        type("member-name", member[1]);
        type("member-id-number", member[0]);
        WebElement relationship = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("member-relationship")));
        relationship.findElement(By.tagName("input")).sendKeys("配偶");
        waitFor(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[normalize-space(.)='配偶']"))).click();
        click("add-member");
        waitFor(d -> d.findElement(By.id("family")).getText().contains("待对方确认"));
        click("logout");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-insured")));

        login("login-insured", "e2e-member");
        bindBySmsInTheBrowser(member[1], member[0], "13700000003");
        browser.get(APP + "/insured/family");
        waitFor(d -> d.findElement(By.id("linked-to-me")).getText().contains(owner[1]));
        click("confirm-link");
        waitFor(d -> d.findElement(By.id("linked-to-me")).getText().contains("已关联"));
        assertThat(jdbc.sql("SELECT status || ':' || basis FROM app.family_member WHERE owner_id_number = ? AND member_id_number = ?")
                .params(owner[0], member[0]).query(String.class).single()).isEqualTo("ACTIVE:MEMBER_CONSENT");

        click("end-link");
        waitFor(d -> d.findElement(By.id("linked-to-me")).getText().contains("没有人将您添加为家庭成员"));
        assertThat(jdbc.sql("SELECT count(*) FROM app.family_member WHERE owner_id_number = ?").param(owner[0])
                .query(Long.class).single()).isZero();
    }

    /** The insured screens a person opens on a phone (issue 18, point 6), each checked at 390 px. */
    private static final List<String> INSURED_ROUTES = List.of("/insured", "/insured/filing/new", "/insured/progress",
            "/insured/chronic", "/insured/record", "/insured/family", "/insured/binding", "/insured/transfer-out",
            "/insured/transfer-in", "/insured/transfers", "/insured/transfer-certificates", "/insured/settlements",
            "/public/institutions", "/public/agencies", "/public/pooling-areas");

    @Test
    void insuredScreensWorkOnAPhoneAt390Px() {
        AppUser linfang = new AppUser(Realm.INSURED, "linfang", "林芳", Set.of("INSURED"), List.of(), null);
        Filing filing = filings.submit(linfang, new FilingApplication("350206199001015563", "350200", "440100",
                InsuranceType.EMPLOYEE, FilingType.OTHER_TEMPORARY, LocalDate.of(2033, 3, 1), LocalDate.of(2033, 3, 31),
                "林芳", "13800138000", "广州市示例路 3 号", null, false, false, false, true, true, List.of()), "e2e-phone-1");
        browser.manage().window().setSize(new Dimension(390, 844));
        login("login-insured", "linfang");
        assertThat(js("return window.innerWidth")).isEqualTo(390L);

        // the header title on one line (cut with …), not one character a line
        WebElement title = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("app-title")));
        assertThat(title.getSize().getHeight()).as("header title height").isLessThan(40);
        assertThat(title.getRect().getX() + title.getRect().getWidth()).isLessThanOrEqualTo(390);
        // the drawer menu opens from its toggle and names the person
        click("menu-toggle");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
        assertThat(text("drawer-user")).contains("林");
        browser.findElement(By.id("nav")).findElement(By.xpath(".//vaadin-side-nav-item[@path='insured/record']")).click();
        waitFor(ExpectedConditions.textToBe(By.id("view-title"), "参保信息"));

        // 我的备案: a card per filing with its status and actions inside the screen
        browser.get(APP + "/insured");
        click(waitFor(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-tab[normalize-space(.)='自助开通']"))));
        String serial = filing.applicationSerial();
        WebElement status = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("status-" + serial)));
        assertThat(status.getText()).isEqualTo("已开通");
        assertInsideTheScreen(status);
        WebElement cancel = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-" + serial)));
        assertInsideTheScreen(cancel);
        assertThat(browser.findElements(By.id("cancel-" + serial))).hasSize(1);
        assertNoSidewaysScrolling("/insured");

        List<String> routes = new java.util.ArrayList<>(INSURED_ROUTES);
        // the filing's own screens: details with its history, 信息变更, 取消备案
        routes.addAll(List.of("/insured/filing/" + filing.id(), "/insured/filing/" + filing.id() + "/change",
                "/insured/filing/" + filing.id() + "/cancel"));
        for (String route : routes) {
            browser.get(APP + route);
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id("view-title")));
            assertNoSidewaysScrolling(route);
            // the public query screens have no header
            for (WebElement header : browser.findElements(By.id("app-title"))) {
                assertThat(header.getSize().getHeight()).as(route).isLessThan(40);
            }
        }
        // the wizard's first step is one column: every field as wide as the screen allows, none beside another
        browser.get(APP + "/insured/filing/new");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("view-title")));
        Long columns = (Long) js("const f = document.querySelector('vaadin-form-layout');"
                + "if (!f) return 0; return new Set([...f.children].filter(c => c.offsetParent)"
                + ".map(c => Math.round(c.getBoundingClientRect().left))).size");
        assertThat(columns).as("columns of the wizard's form").isLessThanOrEqualTo(1L);
    }

    @Test
    void mainRoutesHaveNoSeriousAccessibilityViolations() throws IOException {
        browser.manage().window().setSize(new Dimension(1366, 900));
        String axe = new String(new ClassPathResource("axe.min.js").getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // the check itself finds what it should: an input without a label is a critical violation
        browser.get(APP + "/");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login-insured")));
        js("const probe = document.createElement('input'); probe.id = 'axe-probe'; document.body.appendChild(probe)");
        assertThat(axeViolations(axe, "probe")).anyMatch(v -> v.contains("critical · label · [\"#axe-probe\"]"));
        List<String> found = new java.util.ArrayList<>();
        for (String route : List.of("/", "/public/institutions", "/public/agencies", "/public/pooling-areas")) {
            browser.get(APP + route);
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id(route.equals("/") ? "login-insured" : "view-title")));
            found.addAll(axeViolations(axe, route));
        }
        Map<String, List<String>> routes = new java.util.LinkedHashMap<>();
        routes.put("login-insured:zhangwei", List.of("/insured", "/insured/filing/new", "/insured/progress", "/insured/record",
                "/insured/family", "/insured/binding", "/insured/chronic", "/insured/transfer-out", "/insured/transfers",
                "/insured/settlements"));
        routes.put("login-clerks:cy-reviewer", List.of("/clerk/inbox", "/clerk/handled", "/clerk/filings", "/clerk/transfers",
                "/clerk/settlements"));
        routes.put("login-clerks:cy-counter", List.of("/clerk/counter-filing", "/clerk/binding"));
        routes.put("login-provincial:fj-clearing", List.of("/provincial", "/provincial/prepayment", "/provincial/reconciliation"));
        for (Map.Entry<String, List<String>> user : routes.entrySet()) {
            String[] entry = user.getKey().split(":");
            login(entry[0], entry[1]);
            for (String route : user.getValue()) {
                browser.get(APP + route);
                waitFor(ExpectedConditions.presenceOfElementLocated(By.id("view-title")));
                found.addAll(axeViolations(axe, entry[1] + " " + route));
            }
            click("logout");
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id(entry[0])));
        }
        assertThat(found).as("serious or critical axe-core violations:\n" + String.join("\n", found)).isEmpty();
    }

    /** axe-core's violations of impact serious or critical on the page shown, one line per rule and element. */
    private List<String> axeViolations(String axe, String where) {
        waitForVaadin();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axe);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('ERROR ' + e));");
        assertThat(result).as(where).doesNotStartWith("ERROR");
        List<String> lines = new java.util.ArrayList<>();
        try {
            for (JsonNode violation : json.readTree(result)) {
                String impact = violation.path("impact").asText();
                if (!impact.equals("serious") && !impact.equals("critical")) {
                    // shown, not failed on: moderate and minor ones are for a later pass
                    System.out.println("axe " + impact + " at " + where + ": " + violation.path("id").asText()
                            + " × " + violation.path("nodes").size());
                    continue;
                }
                for (JsonNode node : violation.path("nodes")) {
                    lines.add(where + " · " + impact + " · " + violation.path("id").asText() + " · " + node.path("target")
                            + " · " + node.path("failureSummary").asText().replace('\n', ' '));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    /** Until Vaadin's round trips have ended (the screen as the person sees it). */
    private void waitForVaadin() {
        waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void assertInsideTheScreen(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        org.openqa.selenium.Rectangle r = element.getRect();
        assertThat(r.getX()).as(element.getAttribute("id") + " left").isGreaterThanOrEqualTo(0);
        assertThat(r.getX() + r.getWidth()).as(element.getAttribute("id") + " right").isLessThanOrEqualTo(390);
    }

    /** Neither the page nor a grid in it scrolls sideways: everything fits the screen's width. */
    private void assertNoSidewaysScrolling(String route) {
        try {
            waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(SIDEWAYS_SCROLLING + "return wide().length === 0")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(route + " is wider than the screen: " + js(SIDEWAYS_SCROLLING + "return wide().join(', ')"), e);
        }
    }

    private static final String SIDEWAYS_SCROLLING = """
            function wide() {
              const out = [];
              const page = document.scrollingElement;
              if (page.scrollWidth > window.innerWidth) out.push('page ' + page.scrollWidth);
              document.querySelectorAll('vaadin-grid').forEach(g => {
                const t = g.shadowRoot && g.shadowRoot.querySelector('#table');
                if (t && t.clientWidth > 0 && t.scrollWidth > t.clientWidth + 1) out.push('grid ' + (g.id || '?') + ' ' + t.scrollWidth);
              });
              return out;
            }
            """;

    // ---- helpers ----

    private void login(String entryId, String username) {
        browser.get(APP + "/");
        waitFor(ExpectedConditions.elementToBeClickable(By.id(entryId))).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(LocalKeycloak.server().url());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("view-title")));
        assertThat(browser.getCurrentUrl()).startsWith(APP);
    }

    private void click(String id) {
        click(waitFor(ExpectedConditions.elementToBeClickable(By.id(id))));
    }

    private void click(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException e) {
            // a notification or the loading bar lies over it for a moment
            js.executeScript("arguments[0].click()", element);
        }
    }

    private void type(String id, String value) {
        WebElement input = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id(id))).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(value);
    }

    private void assertRefused(String path) {
        browser.get(APP + path);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("access-denied")));
        assertThat(browser.findElements(By.id("view-title"))).isEmpty();
    }

    private String text(String id) {
        WebElement element = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        return element.getText().trim();
    }

    private <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    /** Password grant through the test-only client (crossprov-web has no password grant). */
    private static String token(String realm, String username) throws Exception {
        return tokenFrom(realm, passwordGrant("crossprov-test", TEST_CLIENT_SECRET, username, PASSWORD));
    }

    private static Map<String, String> passwordGrant(String client, String secret, String username, String password) {
        return Map.of("grant_type", "password", "client_id", client, "client_secret", secret,
                "username", username, "password", password, "scope", "openid");
    }

    private static HttpResponse<String> tokenResponse(String realm, Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(
                        URI.create(LocalKeycloak.server().url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String hospitalToken() throws Exception {
        return tokenFrom("provincial", Map.of("grant_type", "client_credentials", "client_id", "hospital-system",
                "client_secret", "hospital-system-secret"));
    }

    private static String tokenFrom(String realm, Map<String, String> form) throws Exception {
        HttpResponse<String> response = tokenResponse(realm, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> call(String path, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(APP + path)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String adminToken() throws Exception {
        return tokenFrom("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
    }

    /** Keycloak's admin API, {@code path} under {@code /admin/realms}. */
    private static HttpResponse<String> admin(String token, String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(LocalKeycloak.server().url() + "/admin/realms" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> resetPassword(String token, String user, String password) throws Exception {
        return admin(token, "PUT", user + "/reset-password",
                json.writeValueAsString(Map.of("type", "password", "value", password, "temporary", false)));
    }

    private static void setClientAttribute(String realm, String clientId, String key, String value) throws Exception {
        String admin = tokenFrom("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
        String base = LocalKeycloak.server().url() + "/admin/realms/" + realm + "/clients";
        JsonNode client = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "?clientId=" + clientId))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.path("attributes")).put(key, value);
        HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(base + "/" + client.path("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(client))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(204);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
