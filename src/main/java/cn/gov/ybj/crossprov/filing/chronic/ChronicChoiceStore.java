package cn.gov.ybj.crossprov.filing.chronic;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.insured.ChronicQualification;
import cn.gov.ybj.crossprov.reference.Institution;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code app.chronic_institution_choice}: the 门诊慢特病医疗机构选择 requests. */
@Repository
class ChronicChoiceStore {

    private static final ZoneId CHINA = ChinaTime.ZONE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;

    ChronicChoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * 医药机构变更流水号: {@code B1} + the submission day (Beijing) + an 8-digit number of a sequence
     * that is never reused, 18 characters like the guide's {@code B10111000111111111}.
     */
    String nextSerial() {
        long n = jdbc.sql("SELECT nextval('app.chronic_choice_serial_seq')").query(Long.class).single();
        return "B1" + LocalDate.now(CHINA).format(DAY) + String.format("%08d", n);
    }

    void insert(UUID id, String serial, UUID filingId, ChronicQualification disease, Institution institution,
                String submittedBy, Instant at) {
        jdbc.sql("""
                        INSERT INTO app.chronic_institution_choice (id, serial, filing_id, person_id_number, disease_code,
                            disease_name, institution_code, institution_name, submitted_by, submitted_at, status)
                        VALUES (:id, :serial, :filing, :person, :disease, :diseaseName, :institution, :institutionName,
                                :by, :at, 'UNDER_REVIEW')""")
                .param("id", id).param("serial", serial).param("filing", filingId).param("person", disease.personIdNumber())
                .param("disease", disease.diseaseCode()).param("diseaseName", disease.diseaseName())
                .param("institution", institution.code()).param("institutionName", institution.name()).param("by", submittedBy)
                .param("at", Timestamp.from(at)).update();
    }

    void linkProcess(UUID id, String processInstanceId) {
        jdbc.sql("UPDATE app.chronic_institution_choice SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    /** Decides a choice under review; false when it was no longer under review. */
    boolean decide(UUID id, ChronicChoice.Status to, String decidedBy, String reason) {
        return jdbc.sql("""
                        UPDATE app.chronic_institution_choice SET status = :to, reason = :reason, decided_by = :by,
                            decided_at = now()
                        WHERE id = :id AND status = 'UNDER_REVIEW'""")
                .param("id", id).param("to", to.name()).param("reason", reason).param("by", decidedBy).update() == 1;
    }

    /** Whether the disease already has this institution under review or approved. */
    boolean live(String person, String diseaseCode, String institutionCode) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM app.chronic_institution_choice WHERE person_id_number = :p
                            AND disease_code = :d AND institution_code = :i AND status IN ('UNDER_REVIEW', 'APPROVED'))""")
                .param("p", person).param("d", diseaseCode).param("i", institutionCode).query(Boolean.class).single();
    }

    Optional<ChronicChoice> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(ROW).optional();
    }

    Optional<ChronicChoice> byProcessInstance(String processInstanceId) {
        return jdbc.sql(SELECT + " WHERE c.process_instance_id = :pi").param("pi", processInstanceId).query(ROW).optional();
    }

    /** The person's choices, for one disease or (null) all, newest first. */
    List<ChronicChoice> ofPerson(String person, String diseaseCode) {
        return jdbc.sql(SELECT + """
                         WHERE c.person_id_number = :p AND (CAST(:d AS text) IS NULL OR c.disease_code = :d)
                        ORDER BY c.submitted_at DESC, c.serial DESC""")
                .param("p", person).param("d", diseaseCode).query(ROW).list();
    }

    private static final String SELECT = """
            SELECT c.id, c.serial, c.filing_id, c.person_id_number, f.person_name, c.disease_code, c.disease_name,
                   c.institution_code, c.institution_name, c.status, c.reason, c.submitted_at, c.decided_at
            FROM app.chronic_institution_choice c
            JOIN app.filing f ON f.id = c.filing_id
            """;

    private static final RowMapper<ChronicChoice> ROW = (rs, n) -> {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ChronicChoice(rs.getObject("id", UUID.class), rs.getString("serial"), rs.getObject("filing_id", UUID.class),
                rs.getString("person_id_number"), rs.getString("person_name"), rs.getString("disease_code"),
                rs.getString("disease_name"), rs.getString("institution_code"), rs.getString("institution_name"),
                ChronicChoice.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant());
    };
}
