package cn.gov.ybj.crossprov.faults;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, the fault suite: not a test of the normal build (only with {@code -Dfaults=true}). Each scenario starts
 * its own PostgreSQL, Keycloak, national registry and application JVM(s) ({@link FaultStack}), runs the filing load
 * ({@link FilingLoad}, {@code faults.requests}, 200, from 6 clients plus a reviewer) and breaks a part mid-load. Then
 * it checks the database and the registry: no accepted request lost, none doubled, every case consistent, every
 * registry event reported exactly once; and prints what it measured and the time to recover. Run one at a time:
 * {@code ./mvnw -o test -Dfaults=true -Dtest='FaultScenarios#applicationKilledMidLoad'} (docs/operations.md).
 */
@EnabledIfSystemProperty(named = "faults", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenarios {

    private static final int REQUESTS = Integer.getInteger("faults.requests", 200);
    private static final Duration LOAD_DEADLINE = Duration.ofMinutes(20);
    private static final Duration DRAIN = Duration.ofMinutes(15);

    @Test
    @Order(1)
    void applicationKilledMidLoad() throws Exception {
        try (FaultStack stack = FaultStack.start("app-kill", 1)) {
            FaultStack.AppNode node = stack.nodes.get(0);
            print("node-a started in %.1f s", node.start().toMillis() / 1000.0);
            FilingLoad load = new FilingLoad("appkill", List.of(node.url()), stack.keycloak.url(), REQUESTS, LOAD_DEADLINE);
            AtomicReference<Instant> killed = new AtomicReference<>();
            AtomicReference<Instant> healthy = new AtomicReference<>();
            Thread crash = onAnswer(load, REQUESTS * 2 / 5, () -> {
                killed.set(Instant.now());
                node.kill();
                print("kill -9 node-a after %d answers", load.answered.get());
                node.start();
                healthy.set(Instant.now());
            });
            load.run();
            crash.join();
            Duration drained = drain(stack, killed.get());
            Report r = check(stack, load);
            r.recovery = "restart to healthy %.0f s; first accepted after the kill %.0f s; registry backlog empty %.0f s after the kill"
                    .formatted(seconds(killed.get(), healthy.get()), seconds(killed.get(), firstAcceptedAfter(load, killed.get())),
                            drained.toMillis() / 1000.0);
            r.print("application killed (kill -9) mid-load, restarted");
            r.assertClean();
        }
    }

    @Test
    @Order(2)
    void twoNodesOneKilledMidLoad() throws Exception {
        try (FaultStack stack = FaultStack.start("two-nodes", 2)) {
            FaultStack.AppNode a = stack.nodes.get(0);
            FaultStack.AppNode b = stack.nodes.get(1);
            print("node-a started in %.1f s", a.start().toMillis() / 1000.0);
            print("node-b started in %.1f s", b.start().toMillis() / 1000.0);
            int phase = Math.max(60, REQUESTS / 2);

            FilingLoad one = new FilingLoad("one", List.of(a.url()), stack.keycloak.url(), phase, LOAD_DEADLINE);
            one.run();
            FilingLoad two = new FilingLoad("two", List.of(a.url(), b.url()), stack.keycloak.url(), phase, LOAD_DEADLINE);
            two.run();
            print("throughput: one node %.1f requests/s, two nodes on one database %.1f requests/s (%d requests each, noisy host)",
                    one.perSecond(), two.perSecond(), phase);

            FilingLoad load = new FilingLoad("twokill", List.of(a.url(), b.url()), stack.keycloak.url(), REQUESTS, LOAD_DEADLINE);
            AtomicReference<Instant> killed = new AtomicReference<>();
            AtomicReference<Duration> locksFreed = new AtomicReference<>();
            AtomicReference<Duration> declaredDead = new AtomicReference<>();
            Thread crash = onAnswer(load, REQUESTS * 2 / 5, () -> {
                killed.set(Instant.now());
                b.kill();
                try (Connection c = stack.db()) {
                    print("kill -9 node-b after %d answers; node-a stays; node-b held %d job lock(s)", load.answered.get(),
                            count(c, "SELECT count(*) FROM act_ru_job WHERE lock_owner_ = 'node-b'"));
                    FaultStack.await("node-b's job locks released", Duration.ofMinutes(6),
                            () -> count(c, "SELECT count(*) FROM act_ru_job WHERE lock_owner_ = 'node-b'") == 0);
                    locksFreed.set(Duration.between(killed.get(), Instant.now()));
                    FaultStack.await("node-b declared dead", Duration.ofMinutes(6),
                            () -> count(c, "SELECT count(*) FROM app.node_heartbeat WHERE node_id = 'node-b'") == 0);
                    declaredDead.set(Duration.between(killed.get(), Instant.now()));
                }
            });
            load.run();
            crash.join();
            Duration drained = drain(stack, killed.get());
            Report r = check(stack, one, two, load);
            r.recovery = "node-b's job locks free %.0f s and node-b declared dead %.0f s after the kill; first accepted on node-a after the kill %.1f s; registry backlog empty %.0f s after the kill; throughput 1 node %.1f/s, 2 nodes %.1f/s"
                    .formatted(locksFreed.get().toMillis() / 1000.0, declaredDead.get().toMillis() / 1000.0,
                            seconds(killed.get(), firstAcceptedAfter(load, killed.get())), drained.toMillis() / 1000.0,
                            one.perSecond(), two.perSecond());
            r.print("two nodes on one database, node-b killed mid-load");
            r.assertClean();
        }
    }

    @Test
    @Order(3)
    void postgresKilledMidLoad() throws Exception {
        try (FaultStack stack = FaultStack.start("pg-kill", 1)) {
            FaultStack.AppNode node = stack.nodes.get(0);
            print("node-a started in %.1f s", node.start().toMillis() / 1000.0);
            FilingLoad load = new FilingLoad("pgkill", List.of(node.url()), stack.keycloak.url(), REQUESTS, LOAD_DEADLINE);
            AtomicReference<Instant> killed = new AtomicReference<>();
            AtomicReference<Instant> back = new AtomicReference<>();
            Thread crash = onAnswer(load, REQUESTS * 2 / 5, () -> {
                killed.set(Instant.now());
                stack.postgres.kill();
                print("kill -9 PostgreSQL after %d answers", load.answered.get());
                Duration restart = stack.postgres.start();
                back.set(Instant.now());
                print("PostgreSQL restarted (crash recovery) in %.1f s", restart.toMillis() / 1000.0);
            });
            load.run();
            crash.join();
            Duration drained = drain(stack, killed.get());
            Report r = check(stack, load);
            r.recovery = "PostgreSQL back %.1f s after the kill; first accepted after it is back %.1f s (Hikari reconnects); registry backlog empty %.0f s after the kill"
                    .formatted(seconds(killed.get(), back.get()), seconds(back.get(), firstAcceptedAfter(load, back.get())),
                            drained.toMillis() / 1000.0);
            r.print("PostgreSQL killed (kill -9) mid-load, restarted");
            r.assertClean();
        }
    }

    @Test
    @Order(4)
    void nationalRegistryOutage() throws Exception {
        Duration outage = Duration.parse(System.getProperty("faults.registry-outage", "PT10M"));
        try (FaultStack stack = FaultStack.start("registry-outage", 1)) {
            FaultStack.AppNode node = stack.nodes.get(0);
            print("node-a started in %.1f s", node.start().toMillis() / 1000.0);
            stack.registry.mode.set(FaultStack.Registry.Mode.ERROR);
            Instant outageStart = Instant.now();
            print("national registry answers 503 for %d s, then times out for %d s", outage.toSeconds() / 2, outage.toSeconds() / 2);
            FilingLoad load = new FilingLoad("regout", List.of(node.url()), stack.keycloak.url(), REQUESTS, LOAD_DEADLINE);
            load.run();
            long incidents;
            try (Connection c = stack.db()) {
                FaultStack.await("half the outage", outage, () -> Instant.now().isAfter(outageStart.plus(outage.dividedBy(2))));
                stack.registry.mode.set(FaultStack.Registry.Mode.TIMEOUT);
                FaultStack.await("the outage's end", outage, () -> Instant.now().isAfter(outageStart.plus(outage)));
                incidents = count(c, "SELECT count(*) FROM act_ru_incident");
                stack.registry.mode.set(FaultStack.Registry.Mode.OK);
            }
            Instant recovered = Instant.now();
            print("registry back after %d s; refused calls during the outage %d, incidents open at its end %d",
                    outage.toSeconds(), stack.registry.refusedCalls.get(), incidents);
            Duration drained = drain(stack, recovered);
            Report r = check(stack, load);
            r.recovery = "outage %d s (%d refused calls); registry backlog empty %.0f s after the registry was back"
                    .formatted(outage.toSeconds(), stack.registry.refusedCalls.get(), drained.toMillis() / 1000.0);
            r.print("national registry: errors, then timeouts, then back");
            r.assertClean();
            try (Connection c = stack.db()) {
                assertThat(count(c, "SELECT count(*) FROM act_ru_incident")).as("incidents left after the registry is back").isZero();
            }
        }
    }

    @Test
    @Order(5)
    void keycloakStoppedForAMinute() throws Exception {
        Duration outage = Duration.parse(System.getProperty("faults.keycloak-outage", "PT1M"));
        try (FaultStack stack = FaultStack.start("keycloak-stop", 1)) {
            FaultStack.AppNode node = stack.nodes.get(0);
            print("node-a started in %.1f s", node.start().toMillis() / 1000.0);
            String keycloakUrl = stack.keycloak.url();
            FilingLoad before = new FilingLoad("kcbefore", List.of(node.url()), keycloakUrl, REQUESTS / 2, LOAD_DEADLINE);
            before.run();
            assertThat(login(node)).as("a login goes to Keycloak").startsWith(keycloakUrl);

            Instant stopped = Instant.now();
            stack.stopKeycloak();
            print("Keycloak stopped; its tokens live %d s", 300);
            Duration refused = FaultStack.await("a login refused with the start page's message", Duration.ofSeconds(30),
                    () -> login(node).endsWith("/?login-unavailable"));
            String startPage = get(node.url() + "/?login-unavailable");
            boolean newTokenRefused;
            try {
                new FilingLoad.Tokens(keycloakUrl, HttpClient.newHttpClient()).get("clerks", "xm-reviewer");
                newTokenRefused = false;
            } catch (java.io.IOException e) {
                newTokenRefused = true;
            }
            // the clients signed in before go on with their tokens: the node validates them with the keys it cached
            FilingLoad during = new FilingLoad("kcduring", List.of(node.url()), before.tokens, keycloakUrl, REQUESTS / 2, LOAD_DEADLINE);
            during.run();
            Instant duringDone = Instant.now();
            String health = get(node.url() + "/actuator/health");
            FaultStack.await("the outage's end", outage, () -> Instant.now().isAfter(stopped.plus(outage)));
            Duration restart = stack.startKeycloak();
            Instant back = Instant.now();
            Duration loginsBack = FaultStack.await("logins go to Keycloak again", Duration.ofSeconds(60),
                    () -> login(node).startsWith(keycloakUrl));
            String fresh = new FilingLoad.Tokens(keycloakUrl, HttpClient.newHttpClient()).get("clerks", "xm-reviewer");
            print("during the outage: %d of %d requests accepted with earlier tokens in %.1f s; new token refused %s; a login answered %s after %.1f s; health %s",
                    during.accepted.size() + during.approved.size(), during.requests(), seconds(stopped, duringDone), newTokenRefused,
                    LoginAvailabilityPage.describe(startPage), refused.toMillis() / 1000.0, health);

            Duration drained = drain(stack, stopped);
            Report r = check(stack, before, during);
            r.recovery = "Keycloak down %.0f s (restart %.0f s); signed-in clients kept working (%d of %d accepted during it); new logins refused with the start page's message, accepted again %.1f s after Keycloak was back"
                    .formatted(seconds(stopped, back), restart.toMillis() / 1000.0, during.accepted.size() + during.approved.size(),
                            during.requests(), loginsBack.toMillis() / 1000.0);
            r.print("Keycloak stopped for " + outage.toSeconds() + " s");
            r.assertClean();
            assertThat(newTokenRefused).as("no new token while Keycloak is down").isTrue();
            assertThat(during.refused).as("requests with earlier tokens during the outage").isEmpty();
            assertThat(during.accepted).hasSize(during.counterTotal + during.onlineTotal);
            assertThat(fresh).isNotBlank();
            assertThat(drained).isNotNull();
        }
    }

    /** Where the start of a login sends the browser (the Location of {@code /oauth2/authorization/clerks}). */
    private static String login(FaultStack.AppNode node) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url() + "/oauth2/authorization/clerks"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            return r.headers().firstValue("Location").orElse("status " + r.statusCode());
        } catch (java.io.IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static String get(String url) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (java.io.IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** What the start page answered (status and size; Vaadin renders the message in the browser). */
    private static final class LoginAvailabilityPage {
        static String describe(String answer) {
            return answer.length() > 3 ? answer.substring(0, 3) + " (" + answer.length() + " bytes)" : answer;
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Runs the fault in its own thread once the load has this many answers; the load goes on meanwhile. */
    private static Thread onAnswer(FilingLoad load, int answers, ThrowingRunnable fault) {
        java.util.concurrent.CountDownLatch due = new java.util.concurrent.CountDownLatch(1);
        load.onAnswer = n -> {
            if (n == answers) {
                due.countDown();
            }
        };
        return FilingLoad.started("fault", () -> {
            try {
                due.await();
                fault.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Waits until the outbox is empty; answers the time since {@code from}. */
    private static Duration drain(FaultStack stack, Instant from) throws Exception {
        try (Connection c = stack.db()) {
            FaultStack.await("registry outbox empty", DRAIN, () -> count(c, "SELECT count(*) FROM app.registry_outbox") == 0);
        }
        return Duration.between(from, Instant.now());
    }

    private static Instant firstAcceptedAfter(FilingLoad load, Instant t) {
        return load.acceptedAt.stream().filter(a -> a.isAfter(t)).min(Instant::compareTo).orElse(t);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void print(String format, Object... args) {
        System.out.printf("[faults] " + format + "%n", args);
    }

    private static long count(Connection c, String sql) {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a scenario found. */
    static final class Report {
        int requests;
        int accepted;
        int refused;
        int retries;
        int lost;
        int doubled;
        int unanswered;
        int inconsistent;
        int unreported;
        int resent;
        int events;
        long incidents;
        String recovery = "";
        final List<String> problems = new ArrayList<>();
        final List<String> refusals = new ArrayList<>();

        void print(String scenario) {
            System.out.printf("""

                    [faults] ===== %s =====
                    [faults] requests %d (accepted %d, refused %d, client retries %d)
                    [faults] lost %d, doubled %d, stored without an answer %d, inconsistent cases %d
                    [faults] registry events %d: without one receipt %d, delivered more than once (same receipt) %d; open incidents %d
                    [faults] time to recover: %s
                    %s%n""", scenario, requests, accepted, refused, retries, lost, doubled, unanswered, inconsistent,
                    events, unreported, resent, incidents, recovery,
                    String.join("\n", problems.stream().map(p -> "[faults] PROBLEM " + p).toList())
                            + refusals.stream().limit(10).map(p -> "\n[faults] refused: " + p).reduce("", String::concat));
        }

        void assertClean() {
            assertThat(problems).as("lost, doubled or inconsistent").isEmpty();
            assertThat(lost).isZero();
            assertThat(doubled).isZero();
            assertThat(inconsistent).isZero();
            assertThat(unreported).isZero();
        }
    }

    /** Reads the database and the registry's count against what the clients were told. */
    private static Report check(FaultStack stack, FilingLoad... loads) throws SQLException {
        Report r = new Report();
        Map<String, String> accepted = new HashMap<>();
        Set<String> approved = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (FilingLoad load : loads) {
            accepted.putAll(load.accepted);
            approved.addAll(load.approved);
            prefixes.add(load.run + "-%");
            r.requests += load.requests();
            r.retries += load.retries.get();
            r.refusals.addAll(load.refused);
            r.refused += (int) load.refused.stream().filter(x -> !x.startsWith("review ")).count();
        }
        r.accepted = accepted.size() + approved.size();
        try (Connection c = stack.db()) {
            Map<String, String> stored = new HashMap<>(); // key → id
            Map<String, String> status = new HashMap<>(); // id → status
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT idempotency_key, id::text, status FROM app.filing WHERE idempotency_key LIKE ANY (?)")) {
                s.setArray(1, c.createArrayOf("text", prefixes.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (stored.put(rs.getString(1), rs.getString(2)) != null) {
                            r.doubled++;
                            r.problems.add("key " + rs.getString(1) + " stored twice");
                        }
                        status.put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            accepted.forEach((key, id) -> {
                if (!id.equals(stored.get(key))) {
                    r.lost++;
                    r.problems.add("accepted " + key + " (" + id + ") not stored as answered: " + stored.get(key));
                }
            });
            stored.keySet().stream().filter(k -> !accepted.containsKey(k)).forEach(k -> r.unanswered++);
            for (String id : approved) {
                if (!"OPENED".equals(status.get(id))) {
                    r.lost++;
                    r.problems.add("approved filing " + id + " is " + status.get(id));
                }
            }
            String ours = "SELECT id FROM app.filing WHERE idempotency_key LIKE ANY (?)";
            Map<String, String> consistency = Map.of(
                    "two filings of one person for one period",
                    "SELECT count(*) - count(DISTINCT (person_id_number, start_date)) FROM app.filing WHERE idempotency_key LIKE ANY (?)",
                    "a filing without its history",
                    "SELECT count(*) FROM app.filing f WHERE f.id IN (" + ours + ") AND NOT EXISTS (SELECT 1 FROM app.filing_event e WHERE e.filing_id = f.id)",
                    "an opened filing without its OPENED event or its case",
                    "SELECT count(*) FROM app.filing f WHERE f.id IN (" + ours + ") AND f.status = 'OPENED' AND (NOT EXISTS "
                            + "(SELECT 1 FROM app.filing_event e WHERE e.filing_id = f.id AND e.status = 'OPENED') "
                            + "OR NOT EXISTS (SELECT 1 FROM act_hi_procinst h WHERE h.id_ = f.process_instance_id))",
                    "a filing opened twice",
                    "SELECT count(*) FROM (SELECT e.filing_id FROM app.filing_event e WHERE e.filing_id IN (" + ours + ") "
                            + "AND e.status = 'OPENED' GROUP BY e.filing_id HAVING count(*) > 1) x",
                    "a filing still under review without its running case",
                    "SELECT count(*) FROM app.filing f WHERE f.id IN (" + ours + ") AND f.status = 'SUBMITTED' "
                            + "AND NOT EXISTS (SELECT 1 FROM act_ru_execution x WHERE x.proc_inst_id_ = f.process_instance_id)");
            for (var check : consistency.entrySet()) {
                try (PreparedStatement s = c.prepareStatement(check.getValue())) {
                    s.setArray(1, c.createArrayOf("text", prefixes.toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        long n = rs.getLong(1);
                        if (n > 0) {
                            if (check.getKey().startsWith("two filings")) {
                                r.doubled += (int) n;
                            } else {
                                r.inconsistent += (int) n;
                            }
                            r.problems.add(n + " × " + check.getKey());
                        }
                    }
                }
            }
            long casesWithoutFiling = count(c, "SELECT count(*) FROM act_hi_procinst h WHERE h.proc_def_key_ = 'filing' "
                    + "AND NOT EXISTS (SELECT 1 FROM app.filing f WHERE f.process_instance_id = h.id_)");
            if (casesWithoutFiling > 0) {
                r.inconsistent += (int) casesWithoutFiling;
                r.problems.add(casesWithoutFiling + " × a filing case without its filing row");
            }
            // every reportable event (of any filing, the demo data's too) has exactly one receipt and reached the registry
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT e.id, (SELECT count(*) FROM app.registry_report r WHERE r.event_id = e.id)
                    FROM app.filing_event e WHERE e.reportable"""); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    r.events++;
                    long id = rs.getLong(1);
                    var delivered = stack.registry.deliveries.get(id);
                    if (rs.getLong(2) != 1 || delivered == null) {
                        r.unreported++;
                        r.problems.add("event " + id + ": " + rs.getLong(2) + " receipts, delivered " + delivered);
                    } else if (delivered.get() > 1) {
                        r.resent++;
                    }
                }
            }
            r.incidents = count(c, "SELECT count(*) FROM act_ru_incident");
        }
        return r;
    }
}
