package cn.gov.ybj.crossprov.localrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19: a local run after a crash stops the servers the dead run left behind, and nothing else. */
class OrphanedProcessTest {

    @TempDir
    Path temp;

    /** The real case: a PostgreSQL whose JVM died holds the data directory; the next run stops it and starts its own. */
    @Test
    void anOrphanedPostgresIsStoppedAndTheNextServerStartsOnItsData() throws Exception {
        Path dir = temp.resolve("pg").toAbsolutePath();
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        try (Connection c = orphan.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        // the run that started it is gone (kill -9): nothing closes `orphan`, and the dead JVM's file lock is released
        releaseLock(orphan);

        Optional<Long> stopped = OrphanedProcess.stop("PostgreSQL", dir.resolve("postmaster.pid"), dir, Duration.ofSeconds(30));
        assertThat(stopped).contains(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        try (EmbeddedPostgres next = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
             Connection c = next.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT v FROM kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aProcessOfTheDataDirectoryIsStoppedWithItsChildren() throws Exception {
        Path dir = temp.resolve("keycloak").toAbsolutePath();
        Files.createDirectories(dir);
        // a shell naming the directory, with a child, as kc.sh starts Keycloak's JVM
        Process p = new ProcessBuilder("sh", "-c", "sleep 300 & wait # " + dir).start();
        Path pidFile = dir.resolve("keycloak.pid");
        OrphanedProcess.record(pidFile, p.pid());
        waitForChild(p);
        ProcessHandle child = p.descendants().findFirst().orElseThrow();

        assertThat(OrphanedProcess.stop("Keycloak", pidFile, dir, Duration.ofSeconds(10))).contains(p.pid());
        assertThat(p.isAlive()).isFalse();
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void anotherProgramWithTheRecordedPidAndAStalePidFileAreLeftAlone() throws Exception {
        Path dir = temp.resolve("keycloak").toAbsolutePath();
        Files.createDirectories(dir);
        Process unrelated = new ProcessBuilder("sleep", "300").start();
        try {
            Path pidFile = dir.resolve("keycloak.pid");
            OrphanedProcess.record(pidFile, unrelated.pid());
            assertThat(OrphanedProcess.stop("Keycloak", pidFile, dir, Duration.ofSeconds(5))).isEmpty();
            assertThat(unrelated.isAlive()).as("a reused pid is not ours to stop").isTrue();

            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            OrphanedProcess.record(pidFile, gone.pid());
            assertThat(OrphanedProcess.stop("Keycloak", pidFile, dir, Duration.ofSeconds(5))).isEmpty();
            assertThat(OrphanedProcess.stop("Keycloak", dir.resolve("missing.pid"), dir, Duration.ofSeconds(5))).isEmpty();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private static void releaseLock(EmbeddedPostgres postgres) throws Exception {
        var lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(postgres)).release();
        var stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(postgres)).close();
    }

    private static void waitForChild(Process p) throws InterruptedException {
        for (int i = 0; i < 100 && p.descendants().findAny().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(p.descendants().findAny()).isPresent();
    }
}
