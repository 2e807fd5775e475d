package cn.gov.ybj.crossprov.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The load of a fault scenario through the REST API with real Keycloak tokens: {@code clients − 1} counter clerks
 * ({@code cy-counter}, {@code xm-counter}) file 其他临时外出就医 for the demo registry's persons of their areas (the
 * counter channel opens at once: one registry report each), one insured client ({@code zhangwei}, 朝阳区 is a 快速备案
 * area) files online for review, and a reviewer ({@code cy-reviewer}) approves those from the inbox (a second report
 * each). Every filing carries its own {@code Idempotency-Key}; a client retries the same request with the same key
 * (on the next node, if there are several) until it gets an answer, so a crash may cost time, never a filing.
 */
final class FilingLoad {

    static final String PASSWORD = "Demo@2026";
    static final String ZHANGWEI = "110105195803120029";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Weeks already used by earlier loads of this JVM: a person never files two overlapping periods. */
    private static final AtomicInteger COUNTER_WEEKS = new AtomicInteger();
    private static final AtomicInteger ONLINE_WEEKS = new AtomicInteger();

    record Person(String idNumber, String area, String insuranceType) {
    }

    final String run;
    final List<String> nodes = new CopyOnWriteArrayList<>();
    final Tokens tokens;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final int counterTotal;
    final int onlineTotal;
    final Duration deadline;
    private final List<Person> persons;
    private final int counterWeek;
    private final int onlineWeek;
    private final AtomicInteger nextCounter = new AtomicInteger();
    private final AtomicInteger nextOnline = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final Map<String, String> accepted = new ConcurrentHashMap<>();       // idempotency key → filing id
    final Map<String, String> onlineSerials = new ConcurrentHashMap<>();  // application serial → filing id
    final Set<String> approved = ConcurrentHashMap.newKeySet();          // filing ids approved with a 200
    final List<String> refused = new CopyOnWriteArrayList<>();
    final List<Instant> acceptedAt = new CopyOnWriteArrayList<>();
    volatile IntConsumer onAnswer = n -> {
    };
    private volatile boolean submissionsDone;
    Instant started;
    Instant finished;

    FilingLoad(String run, List<String> nodeUrls, String keycloakUrl, int requests, Duration deadline) throws IOException {
        this(run, nodeUrls, null, keycloakUrl, requests, deadline);
    }

    /** With the tokens of an earlier load (as the sessions that were signed in before). */
    FilingLoad(String run, List<String> nodeUrls, Tokens tokens, String keycloakUrl, int requests, Duration deadline) throws IOException {
        this.run = run;
        this.nodes.addAll(nodeUrls);
        this.tokens = tokens != null ? tokens : new Tokens(keycloakUrl, http);
        this.onlineTotal = Math.max(1, requests / 6);
        this.counterTotal = requests - onlineTotal;
        this.deadline = deadline;
        this.persons = persons();
        this.counterWeek = COUNTER_WEEKS.getAndAdd(counterTotal / persons.size() + 1);
        this.onlineWeek = ONLINE_WEEKS.getAndAdd(onlineTotal);
    }

    /** 6 clients (5 counter, 1 online) and the reviewer; returns when every request has its answer. */
    void run() throws InterruptedException {
        started = Instant.now();
        Instant end = started.plus(deadline);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.add(FilingLoad.started("fault-client-" + c, () -> {
                if (client == 0) {
                    for (int i; (i = nextOnline.getAndIncrement()) < onlineTotal && Instant.now().isBefore(end); ) {
                        fileOnline(client, i, end);
                    }
                } else {
                    for (int i; (i = nextCounter.getAndIncrement()) < counterTotal && Instant.now().isBefore(end); ) {
                        fileAtCounter(client, i, end);
                    }
                }
            }));
        }
        Thread reviewer = FilingLoad.started("fault-reviewer", () -> review(end));
        for (Thread t : clients) {
            t.join();
        }
        submissionsDone = true;
        reviewer.join();
        finished = Instant.now();
    }

    int requests() {
        return counterTotal + onlineTotal + onlineSerials.size();
    }

    double perSecond() {
        return (accepted.size() + approved.size()) / (Duration.between(started, finished).toMillis() / 1000.0);
    }

    private void fileAtCounter(int client, int i, Instant end) {
        Person p = persons.get(i % persons.size());
        LocalDate start = LocalDate.of(2028, 1, 3).plusWeeks(counterWeek + i / persons.size());
        String user = p.area().equals("110105") ? "cy-counter" : "xm-counter";
        String key = run + "-counter-" + i;
        HttpResponse<String> r = send(client, end, "clerks", user, base -> post(base + "/api/filings", application(p, start), key));
        record(key, r, false);
    }

    private void fileOnline(int client, int i, Instant end) {
        Person p = new Person(ZHANGWEI, "110105", "EMPLOYEE");
        LocalDate start = LocalDate.of(2030, 1, 7).plusWeeks(onlineWeek + i);
        String key = run + "-online-" + i;
        HttpResponse<String> r = send(client, end, "insured", "zhangwei", base -> post(base + "/api/filings", application(p, start), key));
        record(key, r, true);
    }

    private void record(String key, HttpResponse<String> r, boolean online) {
        if (r == null) {
            refused.add(key + ": no answer before the deadline");
            return;
        }
        if (r.statusCode() == 200) {
            JsonNode filing = read(r.body());
            accepted.put(key, filing.path("id").asText());
            acceptedAt.add(Instant.now());
            if (online) {
                onlineSerials.put(filing.path("applicationSerial").asText(), filing.path("id").asText());
            }
        } else {
            refused.add(key + ": " + r.statusCode() + " " + r.body());
        }
        onAnswer.accept(answered.incrementAndGet());
    }

    /** Approves the online filings as they reach 朝阳区's inbox, until all are approved. */
    private void review(Instant end) {
        while (Instant.now().isBefore(end) && !(submissionsDone && approved.size() >= onlineSerials.size())) {
            HttpResponse<String> inbox = send(6, end, "clerks", "cy-reviewer", base -> get(base + "/api/inbox?limit=200"));
            if (inbox == null || inbox.statusCode() != 200) {
                continue;
            }
            boolean any = false;
            for (JsonNode item : read(inbox.body()).path("items")) {
                String filingId = onlineSerials.get(item.path("summary").path("reference").asText());
                if (filingId == null || approved.contains(filingId) || !"Task_ReviewFiling".equals(item.path("taskDefinitionKey").asText())) {
                    continue;
                }
                any = true;
                String taskId = URLEncoder.encode(item.path("taskId").asText(), StandardCharsets.UTF_8);
                HttpResponse<String> r = send(6, end, "clerks", "cy-reviewer",
                        base -> post(base + "/api/filing-reviews/" + taskId, "{\"decision\":\"APPROVE\"}", null));
                if (r != null && r.statusCode() == 200) {
                    approved.add(filingId);
                    acceptedAt.add(Instant.now());
                } else if (r != null && r.statusCode() == 404) {
                    // approved by an attempt whose answer was lost in a crash: the task is gone; the check reads the status
                    approved.add(filingId);
                    refused.add("review " + filingId + ": 404 (already decided before a crash)");
                }
            }
            if (!any) {
                sleepQuietly(300);
            }
        }
    }

    /**
     * Sends until an answer that is not a server or connection failure; a client sticks to its node and moves to the
     * next one when its node does not answer. Null at the deadline.
     */
    private HttpResponse<String> send(int client, Instant end, String realm, String user,
                                      java.util.function.Function<String, HttpRequest.Builder> request) {
        int shift = 0;
        while (Instant.now().isBefore(end)) {
            String base = nodes.get((client + shift) % nodes.size());
            try {
                String token = tokens.get(realm, user);
                HttpResponse<String> r = http.send(request.apply(base).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() < 500 && r.statusCode() != 401 && r.statusCode() != 429) {
                    return r;
                }
                if (r.statusCode() == 401) {
                    tokens.forget(realm, user);
                }
            } catch (IOException e) {
                shift++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            retries.incrementAndGet();
            sleepQuietly(250);
        }
        return null;
    }

    private static HttpRequest.Builder post(String url, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return key == null ? b : b.header("Idempotency-Key", key);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static String application(Person p, LocalDate start) {
        return """
                {"personIdNumber":"%s","insuredAreaCode":"%s","treatmentAreaCode":"460000","insuranceType":"%s",
                 "filingType":"OTHER_TEMPORARY","startDate":"%s","endDate":"%s","contactName":"联系人","contactPhone":"13800138000",
                 "contactAddress":"海南省海口市示例路 2 号","noticeAccepted":true,"commitmentAccepted":true}"""
                .formatted(p.idNumber(), p.area(), p.insuranceType(), start, start.plusDays(6));
    }

    /** The demo registry's persons with 正常参保 status in the counter clerks' areas (朝阳区 110105, 厦门市 350200). */
    private static List<Person> persons() throws IOException {
        List<Person> list = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/insured/demo-insurance-records.csv").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split(",");
                if (f.length > 7 && "NORMAL".equals(f[7]) && (f[4].equals("110105") || f[4].equals("350200")) && !f[0].equals(ZHANGWEI)) {
                    list.add(new Person(f[0], f[4], f[5]));
                }
            }
        }
        return list;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    static Thread started(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Password-grant tokens of the test client, kept until shortly before they expire (as a browser session keeps its own). */
    static final class Tokens {
        private record Token(String value, Instant expires) {
        }

        private final String keycloak;
        private final HttpClient http;
        private final Map<String, Token> cache = new ConcurrentHashMap<>();
        final AtomicInteger fetched = new AtomicInteger();

        Tokens(String keycloak, HttpClient http) {
            this.keycloak = keycloak;
            this.http = http;
        }

        String get(String realm, String user) throws IOException, InterruptedException {
            Token t = cache.get(realm + "/" + user);
            if (t != null && Instant.now().isBefore(t.expires().minusSeconds(20))) {
                return t.value();
            }
            String form = "grant_type=password&client_id=crossprov-test&client_secret=crossprov-test-secret&username="
                    + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("token of " + user + ": " + r.statusCode() + " " + r.body());
            }
            JsonNode body = read(r.body());
            fetched.incrementAndGet();
            Token token = new Token(body.path("access_token").asText(), Instant.now().plusSeconds(body.path("expires_in").asLong()));
            cache.put(realm + "/" + user, token);
            return token.value();
        }

        void forget(String realm, String user) {
            cache.remove(realm + "/" + user);
        }
    }
}
