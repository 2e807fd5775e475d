package cn.gov.ybj.crossprov.filing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The national registry's receipts of a filing's events, waited for: the reporter sends them in the background. */
final class RegistryReceipts {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private RegistryReceipts() {
    }

    /** The receipt of the filing's event in that status; null when none came in time. */
    static String receipt(JdbcClient jdbc, UUID filingId, FilingStatus status) throws InterruptedException {
        List<String> found = await(jdbc, filingId, "e.status = :value", status.name(), 1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The receipts of the filing's events with that action, oldest first, once {@code expected} have come (or what came in time). */
    static List<String> receipts(JdbcClient jdbc, UUID filingId, String action, int expected) throws InterruptedException {
        return await(jdbc, filingId, "e.action = :value", action, expected);
    }

    private static List<String> await(JdbcClient jdbc, UUID filingId, String condition, String value, int expected)
            throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (true) {
            List<String> found = jdbc.sql("""
                            SELECT r.receipt FROM app.registry_report r JOIN app.filing_event e ON e.id = r.event_id
                            WHERE e.filing_id = :id AND %s ORDER BY e.id""".formatted(condition))
                    .param("id", filingId).param("value", value).query(String.class).list();
            if (found.size() >= expected || Instant.now().isAfter(until)) {
                return found;
            }
            Thread.sleep(100);
        }
    }
}
