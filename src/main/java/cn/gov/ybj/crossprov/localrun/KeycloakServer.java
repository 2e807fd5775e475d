package cn.gov.ybj.crossprov.localrun;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server from its distribution ({@code org.keycloak:keycloak-quarkus-dist} on
 * Maven Central, cached in the local Maven repository), started in the background with the
 * realms of {@code keycloak-realm/} imported. Used by the local run and the end-to-end tests;
 * production runs its own Keycloak.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    static final List<String> REALMS = List.of("insured", "clerks", "provincial");

    /** In the data directory while the server runs, so that a run after a crash finds it ({@link OrphanedProcess}). */
    static final String PID_FILE = "keycloak.pid";

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Path pidFile;

    private KeycloakServer(Process process, int port, Path logFile, Path pidFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * @param realmEnv values for the realm files' {@code ${VAR:default}} placeholders (besides
     *                 {@code APP_BASE_URL}); Keycloak substitutes them from its environment on import
     */
    public record Options(String version, String mavenRepository, Path realmDir, Path dataDir, int port,
                          String appBaseUrl, String adminUser, String adminPassword, Duration startTimeout,
                          Map<String, String> realmEnv) {
    }

    public static KeycloakServer start(Options options) throws IOException, InterruptedException {
        Files.createDirectories(options.dataDir());
        Path pidFile = options.dataDir().resolve(PID_FILE);
        OrphanedProcess.stop("Keycloak", pidFile, options.dataDir(), Duration.ofSeconds(20));
        Path home = ownHome(distribution(options.version(), options.mavenRepository()), options.dataDir(), options.version());
        Map<String, String> realmEnv = new TreeMap<>(options.realmEnv());
        realmEnv.put("APP_BASE_URL", options.appBaseUrl());
        String realmHash = prepareImport(home, options.realmDir(), realmEnv);
        Path hashFile = options.dataDir().resolve("realms.sha256");
        if (!Files.exists(hashFile) || !Files.readString(hashFile).equals(realmHash)) {
            // Keycloak skips realms that exist: a changed realm file needs a fresh database
            try (Stream<Path> files = Files.list(options.dataDir())) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("keycloakdb")).toList()) {
                    Files.delete(f);
                }
            }
            Files.writeString(hashFile, realmHash);
        }
        int port = options.port() > 0 ? options.port() : freePort();
        Path logFile = options.dataDir().resolve("keycloak.log");
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm",
                "--db=dev-file", "--db-url=jdbc:h2:file:" + options.dataDir().toAbsolutePath().resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = pb.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        env.putAll(realmEnv);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        log.info("Starting Keycloak {} on port {} (log: {})", options.version(), port, logFile);
        Instant started = Instant.now();
        KeycloakServer server = new KeycloakServer(pb.start(), port, logFile, pidFile);
        OrphanedProcess.record(pidFile, server.pid());
        try {
            server.awaitReady(options.startTimeout());
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        log.info("Keycloak ready on http://localhost:{} after {} s", port, Duration.between(started, Instant.now()).toSeconds());
        return server;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Ready when every realm publishes its OpenID configuration, i.e. the import is done. */
    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            if (REALMS.stream().allMatch(realm -> answers(http, url() + "/realms/" + realm + "/.well-known/openid-configuration"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + logFile);
    }

    private static boolean answers(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", pidFile, e.getMessage());
        }
        if (!process.isAlive()) {
            return;
        }
        log.info("Stopping Keycloak (pid {})", process.pid());
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Finds (or downloads once) the distribution zip and unpacks it under ~/.cache. */
    static Path distribution(String version, String mavenRepository) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "crossprov", "keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        String relative = "org/keycloak/keycloak-quarkus-dist/" + version + "/keycloak-quarkus-dist-" + version + ".zip";
        Path zip = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString())).resolve(relative);
        if (!Files.exists(zip)) {
            Files.createDirectories(zip.getParent());
            Path part = zip.resolveSibling(zip.getFileName() + ".part");
            String url = mavenRepository.replaceAll("/$", "") + "/" + relative;
            log.info("Downloading {} (about 170 MB, once)", url);
            HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(part);
                throw new IOException("Download of " + url + " failed with HTTP " + response.statusCode());
            }
            Files.move(part, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(home.getParent());
        Path staging = Files.createTempDirectory(home.getParent(), "unpack");
        unzip(zip, staging);
        try (Stream<Path> top = Files.list(staging)) {
            Path unpacked = top.findFirst().orElseThrow(() -> new IOException("empty archive " + zip));
            try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
            }
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(staging);
        return home;
    }

    /**
     * A Keycloak home of this server's own (scripts copied, libraries linked), so its import
     * folder is its own: runs from other checkouts on the same machine share the unpacked
     * distribution but cannot replace this run's realm files.
     */
    private static Path ownHome(Path distribution, Path dataDir, String version) throws IOException {
        Path home = dataDir.resolve("home-" + version).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            Files.createDirectories(home.resolve("bin"));
            try (Stream<Path> scripts = Files.list(distribution.resolve("bin"))) {
                for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                    Files.copy(script, home.resolve("bin").resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    home.resolve("bin").resolve(script.getFileName()).toFile().setExecutable(true);
                }
            }
            for (String dir : List.of("lib", "conf", "themes", "providers")) {
                Files.deleteIfExists(home.resolve(dir));
                Files.createSymbolicLink(home.resolve(dir), distribution.resolve(dir).toAbsolutePath());
            }
        }
        return home;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("bad entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Copies the realm files and the demo users ({@code demo/<realm>-users-0.json}, only the local
     * run and the tests have them) into the distribution's import folder; returns the hash of
     * what the import depends on.
     */
    private static String prepareImport(Path home, Path realmDir, Map<String, String> realmEnv) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(realmDir, realmDir.resolve("demo"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> json = Files.list(dir)) {
                    json.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                digest.update(in.readAllBytes());
            }
            Files.copy(file, importDir.resolve(file.getFileName()));
        }
        digest.update(realmEnv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
