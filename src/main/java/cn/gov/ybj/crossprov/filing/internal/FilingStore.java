package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.filing.FilingQuery;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.shared.RegionCode;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The filing tables; every statement names its schema because Camunda shares the database. */
@Repository
public class FilingStore {

    private static final ZoneId CHINA = ChinaTime.ZONE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;

    FilingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the submissions of one person until the transaction ends. Two concurrent
     * inserts of the same person would otherwise wait for each other in the exclusion and the
     * idempotency index at once, and PostgreSQL would abort one as a deadlock; in turn, the
     * second one finds the first (same key) or is refused as overlapping.
     */
    public void lockPerson(String idNumber) {
        if (idNumber != null && !idNumber.isBlank()) {
            sql("SELECT pg_advisory_xact_lock(hashtext('filing-person:' || :id))")
                    .param("id", IdNumber.canonical(idNumber)).query((rs, i) -> 1).list();
        }
    }

    /**
     * B, then what the number is of (the submission day, the insured area), then a sequence number that is never
     * reused, at least seven digits: taken in the statement that writes it, without a round trip of its own.
     */
    private static String numbered(String prefix, String sequence) {
        return "(SELECT " + prefix + " || lpad(n::text, greatest(7, length(n::text)), '0') FROM nextval('" + sequence + "') AS seq(n))";
    }

    /**
     * The filing this account already sent with this idempotency key, or else a 备案申请流水号 (B + submission day + a
     * sequence number) for the one it sends now: one statement for both. A submission refused afterwards leaves a gap
     * in the sequence, as a rolled-back one always has.
     */
    KeyCheck checkKey(String submittedBy, String idempotencyKey) {
        return sql("""
                        SELECT f.id, CASE WHEN f.id IS NULL THEN %s END
                        FROM (VALUES (1)) AS one LEFT JOIN app.filing f ON f.submitted_by = :by AND f.idempotency_key = :key"""
                        .formatted(numbered("'B' || :day", "app.filing_serial_seq")))
                .param("by", submittedBy).param("key", idempotencyKey).param("day", LocalDate.now(CHINA).format(DAY))
                .query((rs, i) -> new KeyCheck(rs.getObject(1, UUID.class), rs.getString(2))).single();
    }

    /** @param earlier the filing sent before with the key, if any; else {@code serial} is the new one's */
    record KeyCheck(UUID earlier, String serial) {
    }

    /** A submission as the applicant sent it, with its serial. */
    record NewFiling(UUID id, String serial, String idempotencyKey, String submittedBy, Channel channel,
                     FilingApplication application, String personName, String treatmentProvince, String commitmentText,
                     Instant acceptedAt) {
    }

    /**
     * Holds a new filing back until its case has run to its first stop in this transaction, so that its row is written
     * once, in the state the case gave it — opened with its number, or sent to review — instead of written as submitted
     * and rewritten: each write of the wide row touches its eleven indexes and the exclusion constraint
     * (docs/benchmarks.md). {@link #open}, {@link #markManualReview} and {@link #linkProcess} change what is held;
     * {@link #addEvent} goes into the row's statement, {@link #addMaterial} after it; any other statement of this
     * store, and the commit, write it first. Without a transaction it is written at once.
     */
    void hold(NewFiling filing) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(new Held(filing));
            return;
        }
        Map<UUID, Held> held = held();
        if (held == null) {
            Map<UUID, Held> bound = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(HELD, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() { // an inner transaction of its own must not write them
                    TransactionSynchronizationManager.unbindResource(HELD);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(HELD, bound);
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    writeHeld();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                }
            });
            held = bound;
        }
        held.put(filing.id(), new Held(filing));
    }

    private static final Object HELD = FilingStore.class.getName() + ".held";

    /** A new filing not yet written, with what its case has set so far. */
    private static final class Held {
        final NewFiling filing;
        boolean opened;
        ReviewMode reviewMode;
        String processInstanceId;
        final List<NewEvent> events = new ArrayList<>();
        /** its materials, written after it */
        final List<Runnable> materials = new ArrayList<>();

        Held(NewFiling filing) {
            this.filing = filing;
        }
    }

    private record NewEvent(String actor, String action, String actionEn, FilingStatus status, String reason,
                            String reasonEn, boolean reportable) {
    }

    /**
     * Common table expressions that write events of the filing in {@code f} (a CTE with its {@code id}) in order, and
     * put the reportable ones in the registry outbox; their values are bound by {@link #events}.
     */
    private static final String EVENTS = """
            e AS (
            INSERT INTO app.filing_event (filing_id, actor, action, action_en, status, reason, reason_en, reportable)
            SELECT f.id, x.actor, x.action, x.action_en, x.status, x.reason, x.reason_en, x.reportable::boolean
            FROM f, unnest(:actors::text[], :actions::text[], :actionsEn::text[], :statuses::text[],
                :reasons::text[], :reasonsEn::text[], :reportable::text[])
                WITH ORDINALITY AS x(actor, action, action_en, status, reason, reason_en, reportable, n)
            ORDER BY x.n
            RETURNING id, reportable), o AS (
            INSERT INTO app.registry_outbox (event_id) SELECT id FROM e WHERE reportable)""";

    private static JdbcClient.StatementSpec events(JdbcClient.StatementSpec statement, List<NewEvent> events) {
        return statement
                .param("actors", events.stream().map(NewEvent::actor).toArray(String[]::new))
                .param("actions", events.stream().map(NewEvent::action).toArray(String[]::new))
                .param("actionsEn", events.stream().map(NewEvent::actionEn).toArray(String[]::new))
                .param("statuses", events.stream().map(e -> e.status().name()).toArray(String[]::new))
                .param("reasons", events.stream().map(NewEvent::reason).toArray(String[]::new))
                .param("reasonsEn", events.stream().map(NewEvent::reasonEn).toArray(String[]::new))
                .param("reportable", events.stream().map(e -> String.valueOf(e.reportable())).toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, Held> held() {
        return (Map<UUID, Held>) TransactionSynchronizationManager.getResource(HELD);
    }

    private static Held held(UUID id) {
        Map<UUID, Held> held = held();
        return held == null ? null : held.get(id);
    }

    /** Writes the filings held back in this transaction (before any other statement of this store). */
    private void writeHeld() {
        Map<UUID, Held> held = held();
        if (held != null && !held.isEmpty()) {
            List<Held> rows = List.copyOf(held.values());
            held.clear();
            rows.forEach(this::write);
        }
    }

    /** The filing, written first if it is held back: then as its insert returns it, without reading it again. */
    Optional<Filing> written(UUID id) {
        Map<UUID, Held> held = held();
        Held h = held == null ? null : held.remove(id);
        return h == null ? find(id) : Optional.of(write(h));
    }

    private JdbcClient.StatementSpec sql(String statement) {
        writeHeld();
        return jdbc.sql(statement);
    }

    private Filing write(Held h) {
        NewFiling f = h.filing;
        FilingApplication a = f.application();
        // one statement: the row, its events in order and their places in the registry outbox
        Filing written = events(jdbc.sql("""
                        WITH f AS (
                        INSERT INTO app.filing (id, application_serial, idempotency_key, submitted_by, channel, status,
                            review_mode, process_instance_id, filing_number, opened_at, version,
                            person_id_number, person_name, insured_area_code, treatment_province, treatment_area_code,
                            insurance_type, filing_type, start_date, end_date, contact_name, contact_phone, contact_address,
                            institution_code, referral, emergency, commitment_given, notice_accepted_at, commitment_text,
                            commitment_accepted_at)
                        VALUES (:id, :serial, :key, :by, :channel, :status, :mode, :pi, %s, %s, :version,
                            :person, :name, :area, :province, :treatment,
                            :insurance, :type, :start, :end, :contactName, :contactPhone, :contactAddress, :institution,
                            :referral, :emergency, :commitment, :accepted, :commitmentText, :accepted)
                        ON CONFLICT (submitted_by, idempotency_key) DO NOTHING
                        RETURNING %s), %s
                        SELECT * FROM f"""
                        .formatted(h.opened ? numbered("'B' || :area", "app.filing_number_seq") : "NULL",
                                h.opened ? "now()" : "NULL", COLUMNS, EVENTS)), h.events)
                .param("id", f.id()).param("serial", f.serial()).param("key", f.idempotencyKey()).param("by", f.submittedBy())
                .param("channel", f.channel().name()).param("status", (h.opened ? FilingStatus.OPENED : FilingStatus.SUBMITTED).name())
                .param("mode", h.reviewMode == null ? null : h.reviewMode.name()).param("pi", h.processInstanceId)
                .param("version", h.opened ? 1 : 0) // as if submitted, then opened
                .param("person", a.personIdNumber()).param("name", f.personName())
                .param("area", a.insuredAreaCode()).param("province", f.treatmentProvince())
                .param("treatment", a.treatmentAreaCode()).param("insurance", a.insuranceType().name())
                .param("type", a.filingType().name()).param("start", a.startDate()).param("end", a.endDate())
                .param("contactName", a.contactName().strip()).param("contactPhone", a.contactPhone().strip())
                .param("contactAddress", a.contactAddress().strip()).param("institution", blankToNull(a.institutionCode()))
                .param("referral", a.referral()).param("emergency", a.emergency())
                .param("commitment", a.commitmentInsteadOfMaterials())
                .param("accepted", Timestamp.from(f.acceptedAt())).param("commitmentText", f.commitmentText())
                .query(FILING).optional()
                // none: the same account sent the same key for someone else at the same moment
                .orElseThrow(() -> new BusinessRuleException("相同请求标识（Idempotency-Key）的另一份申请正在办理，请稍后查看办件进度",
                        "Another application with the same idempotency key is being processed; check its progress shortly"));
        h.materials.forEach(Runnable::run);
        return written;
    }

    /** Replaces the application fields of a returned filing (修改备案); false when it is no longer returned. */
    boolean resubmit(UUID id, FilingApplication a, String treatmentProvince) {
        return sql("""
                        UPDATE app.filing SET status = 'SUBMITTED', status_reason = NULL, treatment_province = :province,
                            treatment_area_code = :treatment, insurance_type = :insurance, filing_type = :type,
                            start_date = :start, end_date = :end, contact_name = :contactName, contact_phone = :contactPhone,
                            contact_address = :contactAddress, institution_code = :institution, referral = :referral,
                            emergency = :emergency, commitment_given = :commitment, updated_at = now(), version = version + 1
                        WHERE id = :id AND status = 'RETURNED'""")
                .param("id", id).param("province", treatmentProvince).param("treatment", a.treatmentAreaCode())
                .param("insurance", a.insuranceType().name()).param("type", a.filingType().name())
                .param("start", a.startDate()).param("end", a.endDate()).param("contactName", a.contactName().strip())
                .param("contactPhone", a.contactPhone().strip()).param("contactAddress", a.contactAddress().strip())
                .param("institution", blankToNull(a.institutionCode())).param("referral", a.referral())
                .param("emergency", a.emergency()).param("commitment", a.commitmentInsteadOfMaterials())
                .update() == 1;
    }

    /** Links the filing to its case unless a step of the case has already. */
    void linkProcess(UUID id, String processInstanceId) {
        Held h = held(id);
        if (h != null) {
            h.processInstanceId = Objects.requireNonNullElse(h.processInstanceId, processInstanceId);
            return;
        }
        sql("UPDATE app.filing SET process_instance_id = :pi WHERE id = :id AND process_instance_id IS NULL")
                .param("pi", processInstanceId).param("id", id).update();
    }

    /** Goes to a clerk's review; links the case if the submission has not yet (one row write). */
    void markManualReview(UUID id, String processInstanceId) {
        Held h = held(id);
        if (h != null) {
            h.reviewMode = ReviewMode.MANUAL;
            h.processInstanceId = Objects.requireNonNullElse(h.processInstanceId, processInstanceId);
            return;
        }
        sql("UPDATE app.filing SET review_mode = 'MANUAL', process_instance_id = COALESCE(process_instance_id, :pi) WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    /** Who submitted an opened filing, and how. */
    record Opened(Channel channel, String submittedBy) {
    }

    /**
     * Opens the filing with its 备案编号 (B + insured area + a sequence number), keeping a review mode and case link
     * already set (one row write: each update of the wide row touches all its indexes); empty if it was not
     * waiting to be opened.
     */
    Optional<Opened> open(UUID id, ReviewMode mode, String processInstanceId) {
        Held h = held(id);
        if (h != null) {
            if (h.opened) {
                return Optional.empty();
            }
            h.opened = true;
            h.reviewMode = Objects.requireNonNullElse(h.reviewMode, mode);
            h.processInstanceId = Objects.requireNonNullElse(h.processInstanceId, processInstanceId);
            return Optional.of(new Opened(h.filing.channel(), h.filing.submittedBy()));
        }
        return sql("""
                        UPDATE app.filing SET status = 'OPENED', status_reason = NULL, opened_at = now(), updated_at = now(),
                            filing_number = COALESCE(filing_number, %s), review_mode = COALESCE(review_mode, :mode),
                            process_instance_id = COALESCE(process_instance_id, :pi), version = version + 1
                        WHERE id = :id AND status = 'SUBMITTED'
                        RETURNING channel, submitted_by""".formatted(numbered("'B' || insured_area_code", "app.filing_number_seq")))
                .param("id", id).param("mode", mode == null ? null : mode.name()).param("pi", processInstanceId)
                .query((rs, i) -> new Opened(Channel.valueOf(rs.getString(1)), rs.getString(2))).optional();
    }

    public boolean changeStatus(UUID id, FilingStatus from, FilingStatus to, String reason) {
        return changeStatus(id, from, to, reason, null);
    }

    /** @param reasonEn the reason in English where the application wrote it; null for a clerk's own words */
    public boolean changeStatus(UUID id, FilingStatus from, FilingStatus to, String reason, String reasonEn) {
        return sql("""
                        UPDATE app.filing SET status = :to, status_reason = :reason, status_reason_en = :reasonEn,
                            updated_at = now(), version = version + 1
                        WHERE id = :id AND status = :from""")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("reason", reason)
                .param("reasonEn", reasonEn).update() == 1;
    }

    /**
     * Records a step, its text in Chinese and in English; status changes other than submission are
     * reported to the national registry.
     */
    public void addEvent(UUID id, String actor, String action, String actionEn, FilingStatus status, String reason) {
        addEvent(id, actor, action, actionEn, status, reason, status != FilingStatus.SUBMITTED);
    }

    /**
     * @param action     what happened, in Chinese (also what the national registry is told)
     * @param actionEn   the same in English, for the screens and the API in English
     * @param reportable whether the national registry must hear of it: applied changes and closures
     *                   are, pending requests, refusals and escalations are not
     */
    public void addEvent(UUID id, String actor, String action, String actionEn, FilingStatus status, String reason,
                         boolean reportable) {
        addEvent(id, actor, action, actionEn, status, reason, null, reportable);
    }

    /** @param reasonEn the reason in English where the application wrote it; null for a clerk's own words */
    public void addEvent(UUID id, String actor, String action, String actionEn, FilingStatus status, String reason,
                         String reasonEn, boolean reportable) {
        NewEvent event = new NewEvent(actor, action, actionEn, status, reason, reasonEn, reportable);
        Held h = held(id);
        if (h != null) { // written with the row
            h.events.add(event);
            return;
        }
        // one round trip: the event and, when reportable, its place in the registry outbox
        events(sql("WITH f AS (SELECT CAST(:id AS uuid) AS id), " + EVENTS + " SELECT count(*) FROM e"), List.of(event))
                .param("id", id).query(Long.class).single();
    }

    List<Filing.Event> events(UUID id) {
        return sql("""
                        SELECT e.at, e.actor, e.action, e.action_en, e.status, e.reason, e.reportable, r.receipt, e.reason_en
                        FROM app.filing_event e LEFT JOIN app.registry_report r ON r.event_id = e.id
                        WHERE e.filing_id = :id ORDER BY e.id""")
                .param("id", id)
                .query((rs, i) -> new Filing.Event(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("action_en"), FilingStatus.valueOf(rs.getString("status")),
                        rs.getString("reason"), rs.getBoolean("reportable"), rs.getString("receipt"), rs.getString("reason_en")))
                .list();
    }

    void addMaterial(UUID filingId, StoredMaterial m) {
        Held h = held(filingId);
        if (h != null) { // written after the row
            h.materials.add(() -> addMaterial(filingId, m));
            return;
        }
        sql("""
                        INSERT INTO app.filing_material (id, filing_id, kind, file_name, content_type, size_bytes, sha256, content)
                        VALUES (:id, :filing, :kind, :name, :type, :size, :sha, :content)""")
                .param("id", m.id()).param("filing", filingId).param("kind", m.kind()).param("name", m.fileName())
                .param("type", m.contentType()).param("size", m.content().length).param("sha", m.sha256())
                .param("content", m.content()).update();
    }

    /** Deletes the filing's own materials among the ids (not a supplement's) and answers their file names. */
    List<String> removeMaterials(UUID filingId, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql("""
                        DELETE FROM app.filing_material WHERE filing_id = :id AND supplement_id IS NULL AND id IN (:ids)
                        RETURNING file_name""")
                .param("id", filingId).param("ids", List.copyOf(ids)).query(String.class).list();
    }

    List<FilingMaterial> materials(UUID filingId) {
        return sql("""
                        SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_at
                        FROM app.filing_material WHERE filing_id = :id AND supplement_id IS NULL ORDER BY uploaded_at, id""")
                .param("id", filingId)
                .query((rs, i) -> new FilingMaterial(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    Optional<byte[]> materialContent(UUID filingId, UUID materialId) {
        return sql("SELECT content FROM app.filing_material WHERE filing_id = :f AND id = :id")
                .param("f", filingId).param("id", materialId).query(byte[].class).optional();
    }

    public Optional<Filing> find(UUID id) {
        return sql(SELECT + " WHERE id = :id").param("id", id).query(FILING).optional();
    }

    public Optional<Filing> byProcessInstance(String processInstanceId) {
        return sql(SELECT + " WHERE process_instance_id = :pi").param("pi", processInstanceId).query(FILING).optional();
    }

    /** Filings of the given persons, newest first. */
    public List<Filing> byPersons(Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return sql(SELECT + " WHERE person_id_number IN (:ids) ORDER BY submitted_at DESC, id")
                .param("ids", idNumbers).query(FILING).list();
    }

    /**
     * 备案查询 within one insured area, newest first; one row more than the page tells whether another follows.
     * Each criterion has an index that starts with the area (V27): the ID number, filing numbers and name are exact,
     * the status and destination read their index in submission order, so no query sorts more than its matches.
     */
    public FilingQuery.Page search(String insuredArea, FilingQuery q) {
        StringBuilder where = new StringBuilder(" WHERE insured_area_code = :area");
        Map<String, Object> params = new HashMap<>();
        params.put("area", insuredArea);
        if (q.idNumber() != null) {
            where.append(" AND person_id_number = :person");
            params.put("person", q.idNumber());
        }
        if (q.name() != null) {
            where.append(" AND person_name = :name");
            params.put("name", q.name());
        }
        if (q.filingNumber() != null) {
            where.append(" AND (filing_number = :number OR application_serial = :number)");
            params.put("number", q.filingNumber());
        }
        if (q.status() != null) {
            where.append(" AND status = :status");
            params.put("status", q.status().name());
        }
        if (q.type() != null) {
            where.append(" AND filing_type = :type");
            params.put("type", q.type().name());
        }
        if (q.destination() != null) {
            RegionCode dest = RegionCode.of(q.destination());
            where.append(" AND treatment_province = :province");
            params.put("province", dest.province().code());
            // a province needs no second condition: the planner would take both as independent and misjudge the
            // matches (province + status p50 47.5 ms with it over 1 M filings, see docs/benchmarks.md)
            if (dest.level() != RegionCode.Level.PROVINCE) {
                where.append(" AND treatment_area_code LIKE :prefix");
                params.put("prefix", dest.prefix() + "%");
            }
        }
        if (q.submittedFrom() != null) {
            where.append(" AND submitted_at >= :from");
            params.put("from", Timestamp.from(q.submittedFrom().atStartOfDay(CHINA).toInstant()));
        }
        if (q.submittedTo() != null) {
            where.append(" AND submitted_at < :to");
            params.put("to", Timestamp.from(q.submittedTo().plusDays(1).atStartOfDay(CHINA).toInstant()));
        }
        List<Filing> rows = sql(SELECT + where + " ORDER BY submitted_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", q.size() + 1).param("offset", (long) q.page() * q.size())
                .query(FILING).list();
        boolean more = rows.size() > q.size();
        return new FilingQuery.Page(more ? rows.subList(0, q.size()) : rows, q.page(), q.size(), more);
    }

    /** The person's opened filings whose period contains the date (uses {@code filing_person_idx}). */
    public List<Filing> openedOn(String idNumber, LocalDate date) {
        // positional: every settlement upload asks this, and JdbcClient's named parameters rebuild the statement text
        // on each call (NamedParameterJdbcTemplate)
        return sql(SELECT + """
                         WHERE person_id_number = ? AND status = 'OPENED' AND start_date <= ? AND end_date >= ?
                         ORDER BY start_date, id""")
                .params(idNumber, date, date).query(FILING).list();
    }

    /** A filing of this person that is active and overlaps the period (the constraint's friendly twin). */
    public Optional<Filing> overlapping(String idNumber, LocalDate start, LocalDate end, UUID except) {
        return sql(SELECT + """
                         WHERE person_id_number = :person AND status IN ('SUBMITTED', 'OPENED')
                           AND daterange(start_date, end_date, '[]') && daterange(:start, :end, '[]')
                           AND id <> :except LIMIT 1""")
                .param("person", idNumber).param("start", start).param("end", end)
                .param("except", except == null ? new UUID(0, 0) : except).query(FILING).optional();
    }

    /**
     * Ends the requests of the filing still under review, with the reason (补充材料 returned,
     * 门诊慢特病 choice and 信息变更 refused), and answers their cases for the engine to end.
     */
    public List<String> endOpenRequests(UUID filingId, String reason) {
        return sql("""
                        WITH s AS (UPDATE app.filing_supplement SET status = 'RETURNED', reason = :reason, decided_by = 'system',
                                       decided_at = now() WHERE filing_id = :id AND status = 'UNDER_REVIEW' RETURNING process_instance_id),
                             c AS (UPDATE app.chronic_institution_choice SET status = 'REFUSED', reason = :reason, decided_by = 'system',
                                       decided_at = now() WHERE filing_id = :id AND status = 'UNDER_REVIEW' RETURNING process_instance_id),
                             ch AS (UPDATE app.filing_change SET status = 'REFUSED', reason = :reason, decided_by = 'system',
                                       decided_at = now() WHERE filing_id = :id AND status = 'PENDING' RETURNING process_instance_id)
                        SELECT process_instance_id FROM s UNION ALL SELECT process_instance_id FROM c
                        UNION ALL SELECT process_instance_id FROM ch""")
                .param("id", filingId).param("reason", reason).query(String.class).list()
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The filing's pending requests; the person's qualification and the area's rule come from their owners. */
    public FilingOptions options(UUID filingId, boolean chronicQualified, boolean cancelAtCounterOnly) {
        Requests r = requests(List.of(filingId)).getOrDefault(filingId, Requests.NONE);
        return r.options(chronicQualified, cancelAtCounterOnly);
    }

    /** The requests under review of each filing. */
    public record Requests(boolean cancellation, boolean change, boolean supplementLive, boolean supplementUnderReview,
                           boolean chronicChoice) {
        static final Requests NONE = new Requests(false, false, false, false, false);

        public FilingOptions options(boolean chronicQualified, boolean cancelAtCounterOnly) {
            return new FilingOptions(cancellation, change, supplementLive, chronicQualified, cancelAtCounterOnly,
                    supplementUnderReview, chronicChoice);
        }
    }

    /**
     * The requests of several filings in one statement (a records list asks for all its rows at once). The
     * chronic choice is found through its person index: it has none on the filing.
     */
    public Map<UUID, Requests> requests(Collection<UUID> filingIds) {
        if (filingIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Requests> result = new HashMap<>();
        sql("""
                        SELECT f.id,
                               EXISTS (SELECT 1 FROM app.filing_cancellation c WHERE c.filing_id = f.id AND c.status = 'PENDING'),
                               EXISTS (SELECT 1 FROM app.filing_change c WHERE c.filing_id = f.id AND c.status = 'PENDING'),
                               EXISTS (SELECT 1 FROM app.filing_supplement s WHERE s.filing_id = f.id
                                                                               AND s.status IN ('UNDER_REVIEW', 'APPROVED')),
                               EXISTS (SELECT 1 FROM app.filing_supplement s WHERE s.filing_id = f.id AND s.status = 'UNDER_REVIEW'),
                               EXISTS (SELECT 1 FROM app.chronic_institution_choice c WHERE c.person_id_number = f.person_id_number
                                           AND c.filing_id = f.id AND c.status = 'UNDER_REVIEW')
                        FROM app.filing f WHERE f.id IN (:ids)""")
                .param("ids", filingIds)
                .query(rs -> {
                    result.put(rs.getObject(1, UUID.class), new Requests(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6)));
                });
        return result;
    }

    /**
     * 撤回: closes a filing still waiting for review with the reason; false when it is no longer
     * 申办中. The closed status frees its period (the overlap exclusion covers only SUBMITTED and OPENED).
     */
    boolean withdraw(UUID id, String reason, String reasonEn) {
        return changeStatus(id, FilingStatus.SUBMITTED, FilingStatus.CLOSED, reason, reasonEn);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String COLUMNS = """
            id, application_serial, filing_number, channel, review_mode, status, status_reason, status_reason_en, person_id_number,
                   person_name, insured_area_code, treatment_province, treatment_area_code, insurance_type, filing_type,
                   start_date, end_date, contact_name, contact_phone, contact_address, institution_code, referral,
                   emergency, commitment_given, submitted_by, submitted_at, opened_at, process_instance_id, both_places
            """;
    private static final String SELECT = "SELECT " + COLUMNS + "FROM app.filing\n";

    private static final RowMapper<Filing> FILING = FilingStore::map;

    private static Filing map(ResultSet rs, int row) throws SQLException {
        String mode = rs.getString("review_mode");
        Timestamp opened = rs.getTimestamp("opened_at");
        return new Filing(rs.getObject("id", UUID.class), rs.getString("application_serial"),
                rs.getString("filing_number"), Channel.valueOf(rs.getString("channel")),
                mode == null ? null : ReviewMode.valueOf(mode), FilingStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("person_id_number"), rs.getString("person_name"),
                rs.getString("insured_area_code"), rs.getString("treatment_province"), rs.getString("treatment_area_code"),
                InsuranceType.valueOf(rs.getString("insurance_type")), FilingType.valueOf(rs.getString("filing_type")),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_address"),
                rs.getString("institution_code"), rs.getBoolean("referral"), rs.getBoolean("emergency"),
                rs.getBoolean("commitment_given"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), opened == null ? null : opened.toInstant(),
                rs.getString("process_instance_id"), rs.getBoolean("both_places"), rs.getString("status_reason_en"));
    }
}
