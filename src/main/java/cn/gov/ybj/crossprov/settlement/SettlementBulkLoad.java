package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.settlement.internal.CopyEncoder;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bulk load of settlements for tests, benchmarks and migration: rows are written with PostgreSQL's
 * {@code COPY … FROM STDIN (FORMAT binary)} straight into the month's partition of
 * {@code app.settlement} (created first with {@code app.settlement_ensure_partition}), with every
 * index in place, and their idempotency keys into {@code app.settlement_key} — no upload checks,
 * no calculation: the caller gives the split. Values are checked here against the table's
 * constraints (amounts ≥ 0 with two decimals, total = in scope + self-paid = funds + cash,
 * canonical ID number, the discharge month, 13-digit institution), so a bad row is refused with
 * its position instead of failing the COPY halfway.
 *
 * <p>One call loads one month, over one or more streams: each stream is a connection and one
 * transaction; the streams commit only when all of them have copied their rows (a failure in one
 * rolls all back; only a failure during the commits themselves could leave part of a load).
 * Within a stream, every {@link Options#chunkRows} rows the settlement COPY is ended and the
 * chunk's keys are copied, so only the keys of one chunk are held in memory. What was measured
 * (rows/s, formats, streams, {@code synchronous_commit}): {@code SettlementBulkLoadBenchmark} and
 * docs/benchmarks.md.
 *
 * <pre>{@code
 * SettlementBulkLoad.Result r = bulkLoad.load(YearMonth.of(2026, 10), List.of(rowsA, rowsB));  // two streams
 * bulkLoad.analyze(YearMonth.of(2026, 10));
 * }</pre>
 */
@Component
public class SettlementBulkLoad {

    /** COPY's format; binary is the default (text only to compare, see the benchmark). */
    public enum Format { BINARY, TEXT }

    /**
     * @param chunkRows rows per COPY of settlements before their keys are copied (memory: ~150 bytes a key)
     * @param keys      also write the idempotency keys ({@code app.settlement_key}); off only for
     *                  measurements of the settlement table alone
     * @param synchronousCommit false: {@code SET LOCAL synchronous_commit = off} in the streams'
     *                  transactions (each stream commits once, so this saves one WAL flush per
     *                  stream; measured: no difference, see the benchmark)
     */
    public record Options(Format format, int chunkRows, boolean keys, boolean synchronousCommit) {
        public static final Options DEFAULT = new Options(Format.BINARY, 100_000, true, true);

        public Options {
            if (format == null || chunkRows < 1) {
                throw new IllegalArgumentException("format and chunkRows ≥ 1 are required");
            }
        }
    }

    /** One fund's part as the calculator gives it ({@code funds} JSON: code, name, base, amount). */
    public record Fund(String code, String name, Money base, Money amount) {
    }

    /**
     * One settlement to load, status {@code SETTLED}. The provinces are those of the area codes;
     * in scope, self-paid and total are the sums of the fee lines, funds total the sum of the
     * funds, and the personal cash total − funds (so the table's sums hold by construction).
     *
     * @param bodySha256 the idempotency hash of the upload body; null: a hash of this row's
     *                   fields (not what {@link HospitalSettlements} computes for an upload, so a
     *                   hospital retrying such a number gets 409 — a migration of settlements that
     *                   hospitals may still retry passes the upload body's hash)
     * @param createdAt  null: now
     */
    public record Row(UUID id, String institutionCode, String settlementNo, String personIdNumber, String personName,
                      String insuredAreaCode, String medicalAreaCode, HospitalGrade grade, InsuranceType insuranceType,
                      PersonType personType, LocalDate policyEffectiveFrom, LocalDate admissionDate,
                      LocalDate dischargeDate, boolean emergency, UUID filingId, Money deductible, List<Fund> funds,
                      List<FeeLine> feeLines, List<String> diagnosisCodes, String uploadedBy, Instant createdAt,
                      String bodySha256) {
    }

    /** What a load did: rows, COPY bytes sent (settlements and keys), wall time, streams. */
    public record Result(YearMonth month, long rows, long bytes, Duration elapsed, int streams) {
    }

    /** A refused row (its stream and position) or a failed COPY; nothing of the load is committed. */
    public static class LoadException extends RuntimeException {
        public LoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final String COLUMNS = "id, discharge_month, institution_code, settlement_no, person_id_number, person_name, "
            + "insured_area_code, insured_province, medical_area_code, medical_province, hospital_grade, insurance_type, "
            + "person_type, policy_effective_from, admission_date, discharge_date, emergency, filing_id, total, in_scope, "
            + "self_paid, deductible, funds_total, personal_cash, funds, fee_lines, diagnosis_codes, status, uploaded_by, "
            + "created_at";
    private static final int FIELDS = 30;
    private static final String KEY_COLUMNS = "institution_code, settlement_no, body_sha256, settlement_id, discharge_month, created_at";
    private static final int KEY_FIELDS = 6;
    /** how often a stream looks whether another one failed */
    private static final int CHECK_EVERY = 1024;
    private static final int FLUSH_BYTES = 256 * 1024;

    private final DataSource dataSource;
    private final SettlementStore store;

    SettlementBulkLoad(DataSource dataSource, SettlementStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    public Result load(YearMonth month, Iterator<Row> rows) {
        return load(month, List.of(rows), Options.DEFAULT);
    }

    public Result load(YearMonth month, List<? extends Iterator<Row>> streams) {
        return load(month, streams, Options.DEFAULT);
    }

    /** Loads the rows of one discharge month, one stream (connection, transaction, thread) per iterator. */
    public Result load(YearMonth month, List<? extends Iterator<Row>> streams, Options options) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("at least one stream");
        }
        LocalDate first = month.atDay(1);
        store.ensurePartition(first);
        String partition = "settlement_" + String.format("y%04dm%02d", month.getYear(), month.getMonthValue());
        long start = System.nanoTime();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch copied = new CountDownLatch(streams.size());
        AtomicLong rows = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            int stream = s;
            Iterator<Row> source = streams.get(s);
            Thread t = new Thread(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        if (!options.synchronousCommit()) {
                            try (Statement st = c.createStatement()) {
                                st.execute("SET LOCAL synchronous_commit = off");
                            }
                        }
                        long[] counts = copy(c, partition, first, stream, source, options, failure);
                        rows.addAndGet(counts[0]);
                        bytes.addAndGet(counts[1]);
                        if (stream == 0) {
                            markMonthChanged(c, month);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        copied.countDown();
                    }
                    copied.await();
                    if (failure.get() == null) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "settlement-bulk-load-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            }
        }
        Throwable e = failure.get();
        if (e != null) {
            throw e instanceof LoadException le ? le : new LoadException("settlement bulk load of " + month + " failed: " + e.getMessage(), e);
        }
        return new Result(month, rows.get(), bytes.get(), Duration.ofNanos(System.nanoTime() - start), streams.size());
    }

    /** Every day of the month is summed again before clearing uses it (ReconciledSettlements). */
    private static void markMonthChanged(Connection c, YearMonth month) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO app.settlement_day_change (day) "
                + "SELECT generate_series(?::date, ?::date, interval '1 day')::date")) {
            ps.setObject(1, month.atDay(1));
            ps.setObject(2, month.atEndOfMonth());
            ps.executeUpdate();
        }
    }

    /** Statistics for the planner after a load ({@code ANALYZE} of the month's partition). */
    public void analyze(YearMonth month) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE app.settlement_" + String.format("y%04dm%02d", month.getYear(), month.getMonthValue()));
        } catch (SQLException e) {
            throw new LoadException("ANALYZE failed: " + e.getMessage(), e);
        }
    }

    /** {rows, bytes} of one stream. */
    private long[] copy(Connection c, String partition, LocalDate month, int stream, Iterator<Row> source, Options options,
                        AtomicReference<Throwable> failure) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String format = options.format() == Format.BINARY ? "binary" : "text";
        String settlementsSql = "COPY app." + partition + " (" + COLUMNS + ") FROM STDIN (FORMAT " + format + ")";
        String keysSql = "COPY app.settlement_key (" + KEY_COLUMNS + ") FROM STDIN (FORMAT " + format + ")";
        boolean binary = options.format() == Format.BINARY;
        CopyEncoder rows = CopyEncoder.of(binary, FLUSH_BYTES * 2);
        CopyEncoder keys = CopyEncoder.of(binary, (int) Math.min(Integer.MAX_VALUE / 2, options.chunkRows() * 160L));
        RowWriter writer = new RowWriter(rows, keys, month, Instant.now());
        long n = 0;
        long bytes = 0;
        while (source.hasNext()) {
            CopyIn in = copy.copyIn(settlementsSql);
            try {
                rows.header();
                keys.header();
                int chunk = 0;
                while (chunk < options.chunkRows() && source.hasNext()) {
                    Row row = source.next();
                    n++;
                    chunk++;
                    try {
                        writer.write(row);
                    } catch (RuntimeException e) {
                        throw new LoadException("stream " + stream + ", row " + n + " (" + (row == null ? null : row.settlementNo())
                                + "): " + e.getMessage(), e);
                    }
                    if (rows.size() >= FLUSH_BYTES) {
                        bytes += rows.size();
                        rows.flushTo(in);
                    }
                    if (n % CHECK_EVERY == 0 && failure.get() != null) {
                        throw new LoadException("stream " + stream + " stopped: another stream failed", failure.get());
                    }
                }
                rows.trailer();
                bytes += rows.size();
                rows.flushTo(in);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            if (options.keys()) {
                keys.trailer();
                bytes += keys.size();
                CopyIn k = copy.copyIn(keysSql);
                try {
                    keys.flushTo(k);
                    k.endCopy();
                } finally {
                    if (k.isActive()) {
                        k.cancelCopy();
                    }
                }
            }
            keys.reset();
        }
        return new long[]{n, bytes};
    }

    /**
     * Checks rows and encodes each with its key, for one stream (package-private: the benchmark
     * times it without a database). Reuses its buffers; no regular expressions and no BigDecimal
     * formatting per row: measured on this machine 6.2 µs a row with them (generator included,
     * 1.1 µs of it), MEASURED-ENCODER.
     */
    static final class RowWriter {
        final CopyEncoder out;
        final CopyEncoder keys;
        private final LocalDate month;
        private final Instant now;
        private final MessageDigest sha = sha256();
        private final StringBuilder json = new StringBuilder(1024);
        private final StringBuilder hashed = new StringBuilder(512);

        RowWriter(CopyEncoder out, CopyEncoder keys, LocalDate month, Instant now) {
            this.out = out;
            this.keys = keys;
            this.month = month;
            this.now = now;
        }

        void write(Row r) {
            if (r == null) {
                throw new IllegalArgumentException("null row");
            }
            require(r.id() != null, "id is required");
            require(digits(r.institutionCode(), 13), "institution code must have 13 digits");
            require(settlementNo(r.settlementNo()), "settlement number must be 1–40 of [A-Za-z0-9_-]");
            require(r.personIdNumber() != null && r.personIdNumber().equals(IdNumber.canonical(r.personIdNumber())),
                    "person ID number must be canonical (upper-case X, no spaces)");
            require(r.personName() != null && !r.personName().isBlank(), "person name is required");
            require(digits(r.insuredAreaCode(), 6), "insured area must be 6 digits");
            require(digits(r.medicalAreaCode(), 6), "medical area must be 6 digits");
            require(r.grade() != null && r.insuranceType() != null && r.personType() != null && r.policyEffectiveFrom() != null,
                    "grade, insurance type, person type and policy date are required");
            require(r.insuranceType() == r.insuranceType().policyType(), "insurance type is the policy's: EMPLOYEE or RESIDENT");
            require(r.admissionDate() != null && r.dischargeDate() != null && !r.dischargeDate().isBefore(r.admissionDate()),
                    "discharge on or after admission");
            require(r.dischargeDate().getYear() == month.getYear() && r.dischargeDate().getMonth() == month.getMonth(),
                    "discharge date " + r.dischargeDate() + " is not in " + YearMonth.from(month));
            require(r.feeLines() != null && !r.feeLines().isEmpty(), "fee lines are required");
            require(r.funds() != null && r.diagnosisCodes() != null && r.uploadedBy() != null,
                    "funds, diagnosis codes and uploader are required");

            // fee lines: sums and JSON [{category, inScope, selfPaid}] as uploaded
            long inScope = 0;
            long selfPaid = 0;
            StringBuilder fees = json;
            fees.setLength(0);
            fees.append('[');
            for (FeeLine f : r.feeLines()) {
                long in = fen(f.inScope());
                long self = fen(f.selfPaid());
                inScope += in;
                selfPaid += self;
                if (fees.length() > 1) {
                    fees.append(", ");
                }
                fees.append("{\"category\": ");
                string(fees, f.category());
                appendFen(fees.append(", \"inScope\": "), in);
                appendFen(fees.append(", \"selfPaid\": "), self).append('}');
            }
            String feeJson = fees.append(']').toString();

            // funds: sum and JSON [{code, name, base, amount}] as SettlementStore.insert writes it
            long funds = 0;
            StringBuilder fb = json;
            fb.setLength(0);
            fb.append('[');
            for (Fund f : r.funds()) {
                require(f != null && f.code() != null && f.name() != null, "fund code and name are required");
                long amount = fen(f.amount());
                funds += amount;
                if (fb.length() > 1) {
                    fb.append(", ");
                }
                fb.append("{\"code\": ");
                string(fb, f.code());
                fb.append(", \"name\": ");
                string(fb, f.name());
                appendFen(fb.append(", \"base\": "), fen(f.base()));
                appendFen(fb.append(", \"amount\": "), amount).append('}');
            }
            String fundJson = fb.append(']').toString();

            long deductible = fen(r.deductible());
            long total = inScope + selfPaid;
            long cash = total - funds;
            require(cash >= 0, "funds (" + funds / 100.0 + ") above the total (" + total / 100.0 + ")");
            require(funds <= inScope, "funds above the in-scope amount");
            Instant created = r.createdAt() == null ? now : r.createdAt();

            out.row(FIELDS)
                    .uuid(r.id()).date(month).text(r.institutionCode()).text(r.settlementNo()).text(r.personIdNumber())
                    .text(r.personName()).text(r.insuredAreaCode()).text(province(r.insuredAreaCode()))
                    .text(r.medicalAreaCode()).text(province(r.medicalAreaCode())).text(r.grade().name())
                    .text(r.insuranceType().name()).text(r.personType().name()).date(r.policyEffectiveFrom())
                    .date(r.admissionDate()).date(r.dischargeDate()).bool(r.emergency()).uuid(r.filingId())
                    .numericFen(total).numericFen(inScope).numericFen(selfPaid).numericFen(deductible).numericFen(funds)
                    .numericFen(cash).jsonb(fundJson).jsonb(feeJson).textArray(r.diagnosisCodes())
                    .text(HospitalSettlement.SETTLED).text(r.uploadedBy()).timestamptz(created).end();
            keys.row(KEY_FIELDS)
                    .text(r.institutionCode()).text(r.settlementNo())
                    .text(r.bodySha256() != null ? r.bodySha256() : rowSha256(r))
                    .uuid(r.id()).date(month).timestamptz(created).end();
        }

        /** SHA-256 of the row's fields when the caller gives no upload hash (see {@link Row#bodySha256()}). */
        private String rowSha256(Row r) {
            StringBuilder b = hashed;
            b.setLength(0);
            b.append("bulk\n").append(r.settlementNo()).append('\n').append(r.personIdNumber()).append('\n')
                    .append(r.institutionCode()).append('\n').append(r.admissionDate()).append('\n')
                    .append(r.dischargeDate()).append('\n').append(r.emergency()).append('\n');
            for (FeeLine f : r.feeLines()) {
                b.append(f.category()).append('\t');
                appendFen(b, fen(f.inScope())).append('\t');
                appendFen(b, fen(f.selfPaid())).append('\n');
            }
            for (int i = 0; i < r.diagnosisCodes().size(); i++) {
                b.append(i == 0 ? "" : ",").append(r.diagnosisCodes().get(i));
            }
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static boolean digits(String s, int n) {
        if (s == null || s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean settlementNo(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The amount in fen; Money always has two decimals. */
    private static long fen(Money m) {
        if (m == null) {
            throw new IllegalArgumentException("an amount is missing");
        }
        BigDecimal y = m.yuan();
        if (y.signum() < 0) {
            throw new IllegalArgumentException("amounts must not be negative: " + y);
        }
        if (y.precision() > 14) {
            throw new IllegalArgumentException("amount too large for numeric(14, 2): " + y);
        }
        return y.unscaledValue().longValue();
    }

    /** The amount as a JSON number with two decimals, as Jackson writes a Money ({@code 21896.00}). */
    private static StringBuilder appendFen(StringBuilder b, long fen) {
        long cents = fen % 100;
        return b.append(fen / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
    }

    private static String province(String area) {
        return area.substring(0, 2) + "0000";
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
