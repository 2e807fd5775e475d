package cn.gov.ybj.crossprov;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this JVM and by the embedded PostgreSQL (postmaster and its children, read
 * from /proc), for the benchmarks: CPU per operation hardly depends on how busy the machine is,
 * so it bounds what an idle machine can do (cores x 1000 / CPU ms per operation).
 */
public final class CpuMeter {

    private final JdbcClient jdbc;

    public CpuMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {jvm ns, postgres ns, JIT ns}; postgres and JIT are -1 where /proc cannot be read. JIT: the CPU of HotSpot's
     * compiler threads, part of the JVM's; a window where it is large measured the warm-up, not the steady state.
     */
    public long[] now() {
        return new long[]{jvmCpuNanos(), postgresCpuNanos(), compilerCpuNanos()};
    }

    /** A table row: CPU ms per operation between two readings, and the bound it gives on idle cores. */
    public static String row(String what, long[] from, long[] to, long operations) {
        if (operations <= 0) {
            return "";
        }
        double jvm = (to[0] - from[0]) / 1e6 / operations;
        double pg = to[1] < 0 || from[1] < 0 ? Double.NaN : (to[1] - from[1]) / 1e6 / operations;
        double jit = to[2] < 0 || from[2] < 0 ? Double.NaN : (to[2] - from[2]) / 1e6 / operations;
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format("| CPU per %s (JVM / PostgreSQL) | %.2f / %.2f ms |%n| of the JVM's, the JIT compiling | %.2f ms |%n"
                        + "| bound on %d idle cores (cores x 1000 / CPU ms) | %.0f %s/s |%n",
                what, jvm, pg, jit, cores, cores * 1000 / (jvm + (Double.isNaN(pg) ? 0 : pg)), what);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The compiler threads alive now (HotSpot may stop idle ones; their time is then not counted). */
    private static long compilerCpuNanos() {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : threads.toList()) {
                try {
                    // "C2 CompilerThre", "C1 CompilerThre" (a thread's name, cut to 15 bytes)
                    if (Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                        ticks += ticks(t);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long postgresCpuNanos() {
        try {
            int backend = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            String postmaster = ppid(Path.of("/proc", String.valueOf(backend)));
            long ticks = ticks(Path.of("/proc", postmaster));
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        if (postmaster.equals(ppid(p))) {
                            ticks += ticks(p);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited meanwhile
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String ppid(Path proc) throws IOException {
        return Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("PPid:"))
                .findFirst().orElseThrow().substring(5).strip();
    }

    /** utime + stime in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    private static long ticks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
