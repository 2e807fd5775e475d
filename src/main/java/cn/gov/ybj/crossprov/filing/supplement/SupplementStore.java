package cn.gov.ybj.crossprov.filing.supplement;

import cn.gov.ybj.crossprov.filing.internal.StoredMaterial;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** 补充材料 rows ({@code app.filing_supplement}) and their files ({@code app.filing_material.supplement_id}). */
@Repository
class SupplementStore {

    /** The partial unique index that allows one supplement under review or approved per filing. */
    static final String ONE_LIVE = "filing_supplement_one_live";

    private final JdbcClient jdbc;

    SupplementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row without its files, as the rules and steps need it. */
    record Row(UUID id, UUID filingId, Supplement.Status status) {
    }

    /** The supplement under review or approved, if any. */
    Optional<Supplement.Status> liveStatus(UUID filingId) {
        return jdbc.sql("""
                        SELECT status FROM app.filing_supplement
                        WHERE filing_id = :id AND status IN ('UNDER_REVIEW', 'APPROVED') LIMIT 1""")
                .param("id", filingId).query(String.class).optional().map(Supplement.Status::valueOf);
    }

    /** @throws org.springframework.dao.DataIntegrityViolationException ({@link #ONE_LIVE}) when another one is live */
    void insert(UUID id, UUID filingId, String submittedBy) {
        jdbc.sql("""
                        INSERT INTO app.filing_supplement (id, filing_id, submitted_by, status)
                        VALUES (:id, :filing, :by, 'UNDER_REVIEW')""")
                .param("id", id).param("filing", filingId).param("by", submittedBy).update();
    }

    void addMaterial(UUID supplementId, UUID filingId, StoredMaterial m) {
        jdbc.sql("""
                        INSERT INTO app.filing_material (id, filing_id, supplement_id, kind, file_name, content_type,
                            size_bytes, sha256, content)
                        VALUES (:id, :filing, :supplement, :kind, :name, :type, :size, :sha, :content)""")
                .param("id", m.id()).param("filing", filingId).param("supplement", supplementId).param("kind", m.kind())
                .param("name", m.fileName()).param("type", m.contentType()).param("size", m.content().length)
                .param("sha", m.sha256()).param("content", m.content()).update();
    }

    void linkProcess(UUID id, String processInstanceId) {
        jdbc.sql("UPDATE app.filing_supplement SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT id, filing_id, status FROM app.filing_supplement WHERE id = :id")
                .param("id", id).query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Supplement.Status.valueOf(rs.getString(3)))).optional();
    }

    Optional<UUID> byProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT id FROM app.filing_supplement WHERE process_instance_id = :pi")
                .param("pi", processInstanceId).query(UUID.class).optional();
    }

    /** Records the review's outcome; false if it was no longer under review. */
    boolean decide(UUID id, Supplement.Status outcome, String reason, String decidedBy) {
        return jdbc.sql("""
                        UPDATE app.filing_supplement SET status = :status, reason = :reason, decided_by = :by,
                            decided_at = now()
                        WHERE id = :id AND status = 'UNDER_REVIEW'""")
                .param("id", id).param("status", outcome.name()).param("reason", reason).param("by", decidedBy)
                .update() == 1;
    }

    /** 双向享受待遇. */
    void markBothPlaces(UUID filingId) {
        jdbc.sql("UPDATE app.filing SET both_places = true, updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", filingId).update();
    }

    /** The filing's supplements, oldest first, each with its files. */
    List<Supplement> ofFiling(UUID filingId) {
        return withMaterials(jdbc.sql("""
                        SELECT id, filing_id, status, reason, submitted_at, decided_at
                        FROM app.filing_supplement WHERE filing_id = :id ORDER BY submitted_at, id""")
                .param("id", filingId).query((rs, i) -> new Supplement(rs.getObject("id", UUID.class),
                        rs.getObject("filing_id", UUID.class), Supplement.Status.valueOf(rs.getString("status")),
                        rs.getString("reason"), rs.getTimestamp("submitted_at").toInstant(),
                        instant(rs.getTimestamp("decided_at")), List.of()))
                .list(), filingId);
    }

    private List<Supplement> withMaterials(List<Supplement> supplements, UUID filingId) {
        if (supplements.isEmpty()) {
            return supplements;
        }
        Map<UUID, List<FilingMaterial>> files = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT supplement_id, id, kind, file_name, content_type, size_bytes, sha256, uploaded_at
                        FROM app.filing_material WHERE filing_id = :id AND supplement_id IS NOT NULL
                        ORDER BY uploaded_at, id""")
                .param("id", filingId)
                .query((rs, i) -> files.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new FilingMaterial(rs.getObject("id", UUID.class), rs.getString("kind"),
                                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                                rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant())))
                .list();
        return supplements.stream().map(s -> new Supplement(s.id(), s.filingId(), s.status(), s.reason(),
                s.submittedAt(), s.decidedAt(), files.getOrDefault(s.id(), List.of()))).toList();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
