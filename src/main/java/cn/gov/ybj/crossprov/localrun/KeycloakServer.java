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

    private final Process process;
    private final int port;
    private final Path logFile;

    private KeycloakServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    public record Options(String version, String mavenRepository, Path realmDir, Path dataDir, int port,
                          String appBaseUrl, String adminUser, String adminPassword, Duration startTimeout) {
    }

    public static KeycloakServer start(Options options) throws IOException, InterruptedException {
        Path home = distribution(options.version(), options.mavenRepository());
        Files.createDirectories(options.dataDir());
        String realmHash = prepareImport(home, options.realmDir());
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
        env.put("APP_BASE_URL", options.appBaseUrl());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        log.info("Starting Keycloak {} on port {} (log: {})", options.version(), port, logFile);
        Instant started = Instant.now();
        KeycloakServer server = new KeycloakServer(pb.start(), port, logFile);
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

    /** Copies the realm files into the distribution's import folder; returns their hash. */
    private static String prepareImport(Path home, Path realmDir) throws IOException {
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
        try (Stream<Path> realms = Files.list(realmDir)) {
            for (Path realm : realms.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(realm)) {
                    digest.update(in.readAllBytes());
                }
                Files.copy(realm, importDir.resolve(realm.getFileName()));
            }
        }
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
