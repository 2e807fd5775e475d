package cn.gov.ybj.crossprov.filing.cancellation;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code app.filing_cancellation}: one row per 取消备案 request; at most one PENDING per filing (partial unique index). */
@Repository
class CancellationStore {

    static final String ONE_PENDING_INDEX = "filing_cancellation_one_pending";

    private static final String SELECT = """
            SELECT id, filing_id, channel, status, requested_by, requested_at, reason, decided_by, decided_at,
                   process_instance_id
            FROM app.filing_cancellation
            """;

    private static final RowMapper<Cancellation> ROW = (rs, i) -> {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Cancellation(rs.getObject("id", UUID.class), rs.getObject("filing_id", UUID.class),
                Cancellation.Via.valueOf(rs.getString("channel")), Cancellation.Status.valueOf(rs.getString("status")),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("reason"),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("process_instance_id"));
    };

    private final JdbcClient jdbc;

    CancellationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the filing's row until the transaction ends, so requests, decisions and closures of
     * one filing happen one after the other; the waiting one then sees the first one's outcome.
     */
    void lockFiling(UUID filingId) {
        jdbc.sql("SELECT id FROM app.filing WHERE id = :id FOR UPDATE").param("id", filingId).query(UUID.class).optional();
    }

    /** A new PENDING request; the partial unique index refuses a second pending one of the same filing. */
    void insertPending(UUID id, UUID filingId, Cancellation.Via channel, String requestedBy) {
        jdbc.sql("""
                        INSERT INTO app.filing_cancellation (id, filing_id, channel, requested_by, status)
                        VALUES (:id, :filing, :channel, :by, 'PENDING')""")
                .param("id", id).param("filing", filingId).param("channel", channel.name()).param("by", requestedBy)
                .update();
    }

    void linkProcess(UUID id, String processInstanceId) {
        jdbc.sql("UPDATE app.filing_cancellation SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    /** Decides a pending request; false if it is no longer pending. */
    boolean decide(UUID id, Cancellation.Status status, String reason, String decidedBy) {
        return jdbc.sql("""
                        UPDATE app.filing_cancellation SET status = :status, reason = :reason, decided_by = :by,
                            decided_at = now()
                        WHERE id = :id AND status = 'PENDING'""")
                .param("id", id).param("status", status.name()).param("reason", reason).param("by", decidedBy)
                .update() == 1;
    }

    Optional<Cancellation> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ROW).optional();
    }

    Optional<Cancellation> byProcessInstance(String processInstanceId) {
        return jdbc.sql(SELECT + " WHERE process_instance_id = :pi").param("pi", processInstanceId).query(ROW).optional();
    }

    boolean pendingExists(UUID filingId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app.filing_cancellation WHERE filing_id = :id AND status = 'PENDING')")
                .param("id", filingId).query(Boolean.class).single();
    }

    /** The filing's requests, newest first. */
    List<Cancellation> ofFiling(UUID filingId) {
        return jdbc.sql(SELECT + " WHERE filing_id = :id ORDER BY requested_at DESC, id").param("id", filingId).query(ROW).list();
    }
}
