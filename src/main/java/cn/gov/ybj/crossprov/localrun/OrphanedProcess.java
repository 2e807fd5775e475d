package cn.gov.ybj.crossprov.localrun;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server of the local run (PostgreSQL, Keycloak) that an earlier run started and did not stop — its JVM was killed
 * ({@code kill -9}) before it could. Found by the server's pid file, recognised by its command line naming the run's
 * data directory (so a reused pid of another program is left alone), and stopped before the new run starts its own:
 * otherwise the new run would silently talk to the orphan, which no Ctrl+C of it stops any more.
 */
final class OrphanedProcess {

    private static final Logger log = LoggerFactory.getLogger(OrphanedProcess.class);

    private OrphanedProcess() {
    }

    /**
     * Stops the process named on the pid file's first line, and its children, if it is alive and its command line
     * contains {@code dataDir}: politely (SIGTERM), then by force after {@code grace}.
     *
     * @return the pid it stopped, if any
     */
    static Optional<Long> stop(String what, Path pidFile, Path dataDir, Duration grace) {
        Optional<ProcessHandle> found = find(pidFile, dataDir);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle orphan = found.get();
        log.warn("Found {} (pid {}) still running from an earlier local run that did not stop cleanly ({}); stopping it "
                + "before starting a new one", what, orphan.pid(), pidFile);
        List<ProcessHandle> children = orphan.descendants().toList();
        orphan.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            orphan.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("{} (pid {}) did not stop within {} s; killing it", what, orphan.pid(), grace.toSeconds());
            orphan.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            orphan.onExit().join();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> {
                child.destroyForcibly();
                return child;
            }).join();
        }
        log.info("Stopped the orphaned {} (pid {})", what, orphan.pid());
        return Optional.of(orphan.pid());
    }

    /** Writes the pid file of a server this run started. */
    static void record(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + "\n");
        } catch (IOException e) {
            log.warn("Could not write {}: {}", pidFile, e.getMessage());
        }
    }

    private static Optional<ProcessHandle> find(Path pidFile, Path dataDir) {
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String dir = dataDir.toAbsolutePath().normalize().toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> commandLine(p).contains(dir));
    }

    /** The full command line; from /proc on Linux, where {@link ProcessHandle.Info} may leave it out. */
    private static String commandLine(ProcessHandle p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc)).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall back to what the JDK knows
        }
        return p.info().commandLine().orElse("");
    }
}
