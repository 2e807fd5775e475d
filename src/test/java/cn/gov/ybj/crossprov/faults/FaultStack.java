package cn.gov.ybj.crossprov.faults;

import cn.gov.ybj.crossprov.localrun.KeycloakServer;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parts a fault scenario kills, each owned by the suite so that it can kill it: PostgreSQL (the embedded binaries,
 * run as a plain child process on a fixed port and data directory), Keycloak (its distribution, as the local run
 * starts it), the national registry (an HTTP server in this JVM that can fail or time out and counts what it got) and
 * the application nodes (separate JVMs on this classpath, profile {@code local} pointed at these parts). All on
 * loopback; everything is stopped by {@link #close()}.
 */
final class FaultStack implements AutoCloseable {

    static final Path WORK = Path.of("target/faults").toAbsolutePath();
    static final String REGISTRY_KEY = "fault-registry-key";

    final Postgres postgres;
    volatile KeycloakServer keycloak;
    final Registry registry;
    final List<AppNode> nodes = new ArrayList<>();
    private final KeycloakServer.Options keycloakOptions;
    private static volatile KeycloakServer shared;
    private static volatile KeycloakServer.Options sharedOptions;

    private FaultStack(Postgres postgres, KeycloakServer keycloak, KeycloakServer.Options keycloakOptions, Registry registry) {
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.keycloakOptions = keycloakOptions;
        this.registry = registry;
    }

    /** Stops Keycloak as an operator would (SIGTERM, then SIGKILL after a while). */
    void stopKeycloak() {
        keycloak.close();
    }

    /** Starts Keycloak again on the same port and data; answers the time until every realm answers. */
    Duration startKeycloak() throws Exception {
        Instant t = Instant.now();
        keycloak = KeycloakServer.start(keycloakOptions);
        shared = keycloak;
        return Duration.between(t, Instant.now());
    }

    /** PostgreSQL, Keycloak and the registry; the nodes are started by {@link #startNode}. */
    static FaultStack start(String scenario, int nodeCount) throws Exception {
        Files.createDirectories(WORK);
        Postgres postgres = Postgres.create(WORK.resolve(scenario + "-pgdata"));
        Registry registry = Registry.start();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            ports.add(freePort());
        }
        long t0 = System.nanoTime();
        if (shared != null && ProcessHandle.of(shared.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            // one Keycloak for the scenarios of one run: its start is the slowest part
            FaultStack stack = new FaultStack(postgres, shared, sharedOptions, registry);
            for (int i = 0; i < nodeCount; i++) {
                stack.nodes.add(new AppNode("node-" + (char) ('a' + i), ports.get(i), stack));
            }
            return stack;
        }
        KeycloakServer.Options options = new KeycloakServer.Options(
                System.getProperty("keycloak.version"), "https://repo.maven.apache.org/maven2",
                Path.of("keycloak-realm").toAbsolutePath(), WORK.resolve("keycloak"), freePort(),
                "http://localhost:" + ports.get(0), "admin", "admin", Duration.ofSeconds(400),
                Map.of("KC_CLERKS_OTP_REQUIREMENT", "DISABLED", "KC_TEST_CLIENT_ENABLED", "true"));
        KeycloakServer keycloak = KeycloakServer.start(options);
        shared = keycloak;
        sharedOptions = options;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.close(), "faults-keycloak-stop"));
        System.out.printf("[faults] Keycloak ready on %s after %.1f s%n", keycloak.url(), (System.nanoTime() - t0) / 1e9);
        FaultStack stack = new FaultStack(postgres, keycloak, options, registry);
        for (int i = 0; i < nodeCount; i++) {
            stack.nodes.add(new AppNode("node-" + (char) ('a' + i), ports.get(i), stack));
        }
        return stack;
    }

    Connection db() throws SQLException {
        return postgres.connect();
    }

    @Override
    public void close() {
        for (AppNode node : nodes) {
            node.kill();
        }
        registry.server.stop(0);
        postgres.stop();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the condition holds; answers the time it took. Never a fixed sleep. */
    static Duration await(String what, Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError(what + ": not after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        return Duration.between(start, Instant.now());
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * PostgreSQL from the binaries zonky unpacks (as the tests and the local run use them): zonky creates the cluster
     * and the database once and stops; then the suite runs the same {@code postgres} command itself, so that
     * {@link #kill()} is a real SIGKILL of the postmaster and {@link #start()} a restart with crash recovery.
     */
    static final class Postgres {
        final int port;
        final Path dataDir;
        private final List<String> command;
        private Process process;

        private Postgres(int port, Path dataDir, List<String> command) {
            this.port = port;
            this.dataDir = dataDir;
            this.command = command;
        }

        static Postgres create(Path dataDir) throws Exception {
            if (Files.exists(dataDir)) {
                try (var files = Files.walk(dataDir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dataDir);
            int port = freePort();
            List<String> command;
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                    .setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", "on").start()) {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE crossprov ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
                }
                long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
                ProcessHandle.Info info = ProcessHandle.of(pid).orElseThrow().info();
                command = new ArrayList<>();
                if (Files.isExecutable(Path.of("/usr/bin/unshare"))) {
                    // as zonky does: PostgreSQL refuses to run as root, and in a new user namespace it is not root
                    command.addAll(List.of("/usr/bin/unshare", "-U"));
                }
                command.add(info.command().orElseThrow());
                command.addAll(List.of(info.arguments().orElseThrow()));
            }
            Postgres postgres = new Postgres(port, dataDir, command);
            postgres.start();
            return postgres;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/crossprov";
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "");
        }

        /** Starts the postmaster and waits until it takes connections (after crash recovery, if any). */
        Duration start() throws Exception {
            Instant t = Instant.now();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                    .start();
            await("PostgreSQL accepts connections", Duration.ofSeconds(120), () -> {
                try (Connection c = connect()) {
                    return c.isValid(2);
                } catch (SQLException e) {
                    return false;
                }
            });
            return Duration.between(t, Instant.now());
        }

        /** SIGKILL of the postmaster; its backends are killed too so that the restart finds no one on the shared memory. */
        void kill() {
            if (process == null || !process.isAlive()) {
                return;
            }
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor();
                for (ProcessHandle child : children) {
                    child.onExit().get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy(); // SIGTERM: smart shutdown
                try {
                    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        kill();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The national registry: answers receipts ({@code NR<eventId>}), or 503 ({@link Mode#ERROR}), or nothing for
     * 15 s, longer than the client's read timeout ({@link Mode#TIMEOUT}). Counts each delivery of each event.
     */
    static final class Registry {
        enum Mode { OK, ERROR, TIMEOUT }

        final HttpServer server;
        final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
        final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        final AtomicInteger refusedCalls = new AtomicInteger();

        private Registry(HttpServer server) {
            this.server = server;
        }

        static Registry start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
            Registry registry = new Registry(server);
            Pattern eventId = Pattern.compile("\"eventId\"\\s*:\\s*(\\d+)");
            server.createContext("/filing-events", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Mode mode = registry.mode.get();
                if (!REGISTRY_KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key")) || mode != Mode.OK) {
                    registry.refusedCalls.incrementAndGet();
                    if (mode == Mode.TIMEOUT) {
                        try {
                            Thread.sleep(15_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    exchange.sendResponseHeaders(mode == Mode.OK ? 401 : 503, -1);
                    exchange.close();
                    return;
                }
                Matcher m = eventId.matcher(new String(body, StandardCharsets.UTF_8));
                StringJoiner receipts = new StringJoiner(",", "{\"receipts\":[", "]}");
                while (m.find()) {
                    long id = Long.parseLong(m.group(1));
                    registry.deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    receipts.add("\"NR" + id + "\"");
                }
                byte[] answer = receipts.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return registry;
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One application node: a JVM of {@code cn.gov.ybj.crossprov.Application}, killed with SIGKILL. */
    static final class AppNode {
        final String id;
        final int port;
        private final FaultStack stack;
        private Process process;

        AppNode(String id, int port, FaultStack stack) {
            this.id = id;
            this.port = port;
            this.stack = stack;
        }

        String url() {
            return "http://localhost:" + port;
        }

        /** Starts the JVM and waits until its health endpoint answers UP; answers the time it took. */
        Duration start() throws Exception {
            Path dir = WORK.resolve(id);
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC",
                    "-cp", applicationClasspath(),
                    "cn.gov.ybj.crossprov.Application",
                    "--spring.profiles.active=local",
                    "--app.local-keycloak.enabled=false",
                    "--app.national-registry.simulator=false",
                    "--app.national-registry.url=" + stack.registry.url(),
                    "--app.national-registry.api-key=" + REGISTRY_KEY,
                    "--spring.datasource.hikari.connection-timeout=5000",
                    "--logging.file.name=" + dir.resolve("app.log")));
            // the project directory: the local profile's banner reads keycloak-realm/ from there
            ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()));
            Map<String, String> env = pb.environment();
            env.put("PORT", String.valueOf(port));
            env.put("APP_BASE_URL", url());
            env.put("APP_NODE_ID", id);
            env.put("DB_URL", stack.postgres.jdbcUrl());
            env.put("DB_USER", "postgres");
            env.put("DB_PASSWORD", "");
            env.put("KEYCLOAK_URL", stack.keycloak.url());
            env.put("KEYCLOAK_INTERNAL_URL", stack.keycloak.url());
            Instant t = Instant.now();
            process = pb.start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await(id + " healthy", Duration.ofSeconds(600), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError(id + " exited with " + process.exitValue() + "; see " + dir.resolve("console.log"));
                }
                return healthy(http);
            });
            return Duration.between(t, Instant.now());
        }

        boolean healthy(HttpClient http) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("UP");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no graceful stop. */
        void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * This JVM's classpath without the test classes and resources (their configuration is the tests', not the
     * application's). Surefire's manifest-only jar is opened to its entries.
     */
    static String applicationClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("surefirebooter") && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String url : cp.split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream().filter(e -> !e.replace('\\', '/').contains("/target/test-classes"))
                .filter(e -> !e.contains("surefire"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
