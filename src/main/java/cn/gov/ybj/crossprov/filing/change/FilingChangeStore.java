package cn.gov.ybj.crossprov.filing.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code app.filing_change}: one row per 信息变更 request; the applied rows are the filing's versions. */
@Repository
class FilingChangeStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    FilingChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request row with the values it sets and the ones it replaces. */
    record Row(UUID id, UUID filingId, FilingChangeRecord.Status status, FilingChangeRules.Values values,
               FilingChangeRules.Values previous, Integer version, Integer filingVersion, String requestedBy, Instant requestedAt,
               String decidedBy, Instant decidedAt, String reason, String processInstanceId) {

        FilingChangeRecord toRecord() {
            return new FilingChangeRecord(id, filingId, status, version, filingVersion, requestedBy, requestedAt, decidedBy, decidedAt,
                    reason, FilingChangeRules.diff(previous, values));
        }
    }

    void insert(UUID id, UUID filingId, String requestedBy, FilingChangeRules.Values v, FilingChangeRules.Values previous) {
        jdbc.sql("""
                        INSERT INTO app.filing_change (id, filing_id, requested_by, status, start_date, end_date, contact_name,
                            contact_phone, contact_address, institution_code, previous)
                        VALUES (:id, :filing, :by, 'PENDING', :start, :end, :name, :phone, :address, :institution,
                            CAST(:previous AS jsonb))""")
                .param("id", id).param("filing", filingId).param("by", requestedBy).param("start", v.startDate())
                .param("end", v.endDate()).param("name", v.contactName()).param("phone", v.contactPhone())
                .param("address", v.contactAddress()).param("institution", v.institutionCode())
                .param("previous", json(previous)).update();
    }

    void linkProcess(UUID id, String processInstanceId) {
        jdbc.sql("UPDATE app.filing_change SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(FilingChangeStore::map).optional();
    }

    Optional<Row> byProcessInstance(String processInstanceId) {
        return jdbc.sql(SELECT + " WHERE process_instance_id = :pi").param("pi", processInstanceId)
                .query(FilingChangeStore::map).optional();
    }

    /** Newest first. */
    List<Row> byFiling(UUID filingId) {
        return jdbc.sql(SELECT + " WHERE filing_id = :f ORDER BY requested_at DESC, id")
                .param("f", filingId).query(FilingChangeStore::map).list();
    }

    boolean changePending(UUID filingId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app.filing_change WHERE filing_id = :f AND status = 'PENDING')")
                .param("f", filingId).query(Boolean.class).single();
    }

    boolean cancellationPending(UUID filingId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app.filing_cancellation WHERE filing_id = :f AND status = 'PENDING')")
                .param("f", filingId).query(Boolean.class).single();
    }

    /** Writes the new values to the opened filing; its new version, or empty when it is no longer open. */
    Optional<Integer> applyToFiling(UUID filingId, FilingChangeRules.Values v) {
        return jdbc.sql("""
                        UPDATE app.filing SET start_date = :start, end_date = :end, contact_name = :name,
                            contact_phone = :phone, contact_address = :address, institution_code = :institution,
                            version = version + 1, updated_at = now()
                        WHERE id = :id AND status = 'OPENED' RETURNING version""")
                .param("id", filingId).param("start", v.startDate()).param("end", v.endDate())
                .param("name", v.contactName()).param("phone", v.contactPhone()).param("address", v.contactAddress())
                .param("institution", v.institutionCode()).query(Integer.class).optional();
    }

    boolean markApplied(UUID id, int filingVersion, String decidedBy) {
        return jdbc.sql("""
                        UPDATE app.filing_change SET status = 'APPLIED', filing_version = :v, decided_by = :by, decided_at = now()
                        WHERE id = :id AND status = 'PENDING'""")
                .param("id", id).param("v", filingVersion).param("by", decidedBy).update() == 1;
    }

    boolean markRefused(UUID id, String reason, String decidedBy) {
        return jdbc.sql("""
                        UPDATE app.filing_change SET status = 'REFUSED', reason = :reason, decided_by = :by, decided_at = now()
                        WHERE id = :id AND status = 'PENDING'""")
                .param("id", id).param("reason", reason).param("by", decidedBy).update() == 1;
    }

    private static final String SELECT = """
            SELECT id, filing_id, requested_by, requested_at, status, start_date, end_date, contact_name, contact_phone,
                   contact_address, institution_code, previous::text AS previous, filing_version, reason, decided_by,
                   decided_at, process_instance_id,
                   CASE WHEN status = 'APPLIED' THEN (SELECT count(*) FROM app.filing_change a WHERE a.filing_id = c.filing_id
                       AND a.status = 'APPLIED' AND a.filing_version <= c.filing_version) END AS change_number
            FROM app.filing_change c""";

    private static Row map(ResultSet rs, int i) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        Integer version = rs.getObject("filing_version", Integer.class);
        Long number = rs.getObject("change_number", Long.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("filing_id", UUID.class),
                FilingChangeRecord.Status.valueOf(rs.getString("status")),
                new FilingChangeRules.Values(rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), rs.getString("contact_name"),
                        rs.getString("contact_phone"), rs.getString("contact_address"), rs.getString("institution_code")),
                previous(rs.getString("previous")), number == null ? null : number.intValue(), version,
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("reason"), rs.getString("process_instance_id"));
    }

    private static String json(FilingChangeRules.Values v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startDate", v.startDate() == null ? null : v.startDate().toString());
        m.put("endDate", v.endDate() == null ? null : v.endDate().toString());
        m.put("contactName", v.contactName());
        m.put("contactPhone", v.contactPhone());
        m.put("contactAddress", v.contactAddress());
        m.put("institutionCode", v.institutionCode());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FilingChangeRules.Values previous(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new FilingChangeRules.Values(date(n, "startDate"), date(n, "endDate"), text(n, "contactName"),
                    text(n, "contactPhone"), text(n, "contactAddress"), text(n, "institutionCode"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : null;
    }

    private static LocalDate date(JsonNode n, String key) {
        String s = text(n, key);
        return s == null ? null : LocalDate.parse(s);
    }
}
