package cn.gov.ybj.crossprov.filing.registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The registry outbox ({@code app.registry_outbox}, {@code app.registry_report}): a reportable
 * filing event enters it in the statement that records the event ({@code FilingStore.addEvent}),
 * and leaves it with the registry's receipt.
 */
@Repository
class RegistryOutbox {

    private final JdbcClient jdbc;

    RegistryOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest reportable events the national registry has not acknowledged yet, with their
     * filings' values as they are now; oldest first, so a filing's changes arrive in order.
     * The outbox is a queue: its statistics lag behind (thousands of rows in, thousands out, before
     * autovacuum analyses it), and with a join over the whole outbox PostgreSQL then chose a merge
     * join that walked {@code app.filing_event} from its first row — 12–14 ms a batch after 20,000
     * filings, and growing with every event ever recorded. Taking the batch's ids first, as an array,
     * makes the plan primary-key lookups whatever the statistics say (docs/benchmarks.md).
     */
    List<NationalFilingRegistry.Notice> pendingNotices(int limit) {
        return jdbc.sql("""
                        SELECT e.id, f.application_serial, f.filing_number, f.person_id_number, f.person_name,
                               f.insured_area_code, f.treatment_area_code, f.filing_type, f.insurance_type, f.start_date,
                               f.end_date, f.contact_name, f.contact_phone, f.contact_address, f.institution_code,
                               f.both_places, e.action, e.status, e.reason, e.at
                        FROM app.filing_event e JOIN app.filing f ON f.id = e.filing_id
                        WHERE e.id = ANY (ARRAY(SELECT event_id FROM app.registry_outbox ORDER BY event_id LIMIT :limit))
                        ORDER BY e.id""")
                .param("limit", limit)
                .query((rs, i) -> new NationalFilingRegistry.Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                        rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getBoolean(16),
                        rs.getString(17), rs.getString(18), rs.getString(19), rs.getTimestamp(20).toInstant()))
                .list();
    }

    long pendingNoticeCount() {
        return jdbc.sql("SELECT count(*) FROM app.registry_outbox").query(Long.class).single();
    }

    /** One reporter at a time, also across application nodes (held until the reporter's transaction ends). */
    boolean tryLockReporter() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('national-registry-report'))").query(Boolean.class).single();
    }

    boolean noticesPending() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app.registry_outbox)").query(Boolean.class).single();
    }

    /** The registry's receipts, in the order of {@code eventIds}: the events leave the outbox. */
    void recordReceipts(List<Long> eventIds, List<String> receipts) {
        jdbc.sql("""
                        WITH sent AS (DELETE FROM app.registry_outbox WHERE event_id = ANY (CAST(:ids AS bigint[])))
                        INSERT INTO app.registry_report (event_id, receipt)
                        SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:receipts AS text[]))
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("ids", eventIds.toArray(Long[]::new)).param("receipts", receipts.toArray(String[]::new)).update();
    }
}
