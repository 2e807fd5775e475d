package cn.gov.ybj.crossprov.settlement.internal;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Encodes rows in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}) into
 * a growing byte buffer, for {@link cn.gov.ybj.crossprov.settlement.SettlementBulkLoad}. Only the
 * types the settlement tables use: uuid, date, text, boolean, numeric (from fen), jsonb, text[],
 * timestamptz. Each field is a 4-byte length and the type's binary send format (PostgreSQL's
 * {@code *_recv} functions), all integers big-endian; see "COPY — Binary Format" in the manual.
 *
 * <p>Binary rather than text: PostgreSQL need not parse dates, numerics and uuids from text.
 * MEASURED-BINARY-VS-TEXT
 */
public final class PgBinaryCopy implements CopyEncoder {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, // flags: no OIDs
            0, 0, 0, 0}; // header extension length
    /** days from 1970-01-01 to PostgreSQL's epoch 2000-01-01 */
    private static final long PG_EPOCH_DAYS = 10_957;
    private static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400L * 1_000_000L;
    private static final int TEXT_OID = 25;

    private byte[] buf;
    private int len;

    public PgBinaryCopy(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    /** Starts a new COPY stream: the signature and header. */
    @Override
    public PgBinaryCopy header() {
        put(HEADER, 0, HEADER.length);
        return this;
    }

    /** The trailer (a field count of -1) that ends the stream. */
    @Override
    public PgBinaryCopy trailer() {
        int16(-1);
        return this;
    }

    @Override
    public PgBinaryCopy row(int fields) {
        int16(fields);
        return this;
    }

    @Override
    public PgBinaryCopy end() {
        return this;
    }

    @Override
    public int size() {
        return len;
    }

    @Override
    public void reset() {
        len = 0;
    }

    /** Writes what is buffered into the COPY and empties the buffer. */
    @Override
    public void flushTo(CopyIn copy) throws SQLException {
        if (len > 0) {
            copy.writeToCopy(buf, 0, len);
            len = 0;
        }
    }

    @Override
    public PgBinaryCopy nul() {
        int32(-1);
        return this;
    }

    @Override
    public PgBinaryCopy uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
        return this;
    }

    @Override
    public PgBinaryCopy date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        int32(4);
        int32((int) (value.toEpochDay() - PG_EPOCH_DAYS));
        return this;
    }

    @Override
    public PgBinaryCopy timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        int32(8);
        int64(value.getEpochSecond() * 1_000_000L + value.getNano() / 1_000 - PG_EPOCH_MICROS);
        return this;
    }

    @Override
    public PgBinaryCopy bool(boolean value) {
        int32(1);
        ensure(1);
        buf[len++] = (byte) (value ? 1 : 0);
        return this;
    }

    @Override
    public PgBinaryCopy text(String value) {
        if (value == null) {
            return nul();
        }
        utf8(value, 0);
        return this;
    }

    /** jsonb: version 1, then the JSON text (PostgreSQL parses it as for text input). */
    @Override
    public PgBinaryCopy jsonb(String json) {
        if (json == null) {
            return nul();
        }
        utf8(json, 1);
        return this;
    }

    /**
     * A length-prefixed UTF-8 field written straight into the buffer (no intermediate byte[]:
     * measured ~10 % of the encoder's time with {@code String.getBytes}), after {@code prefix}
     * (jsonb's version byte) when not 0. Unpaired surrogates become '?' as with getBytes.
     */
    private void utf8(CharSequence s, int prefix) {
        int n = s.length();
        ensure(4 + 1 + n * 3);
        int at = len;
        len += 4;
        if (prefix != 0) {
            buf[len++] = (byte) prefix;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(1); // four bytes for two chars: one more than reserved
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[len++] = '?';
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int size = len - at - 4;
        buf[at] = (byte) (size >>> 24);
        buf[at + 1] = (byte) (size >>> 16);
        buf[at + 2] = (byte) (size >>> 8);
        buf[at + 3] = (byte) size;
    }

    /** A one-dimensional text[] without nulls (an empty list is the empty array). */
    @Override
    public PgBinaryCopy textArray(List<String> values) {
        if (values == null) {
            return nul();
        }
        if (values.isEmpty()) {
            int32(12);
            int32(0); // dimensions
            int32(0); // no nulls
            int32(TEXT_OID);
            return this;
        }
        byte[][] items = new byte[values.size()][];
        int size = 20;
        for (int i = 0; i < items.length; i++) {
            items[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + items[i].length;
        }
        int32(size);
        int32(1);
        int32(0);
        int32(TEXT_OID);
        int32(items.length);
        int32(1); // lower bound
        for (byte[] item : items) {
            int32(item.length);
            put(item, 0, item.length);
        }
        return this;
    }

    /**
     * numeric with two decimals from an amount in fen (the {@code numeric(14, 2)} columns):
     * base-10000 digits, weight of the first, sign, display scale 2; leading and trailing zero
     * digits left out as PostgreSQL stores them.
     */
    @Override
    public PgBinaryCopy numericFen(long fen) {
        boolean negative = fen < 0;
        long abs = Math.abs(fen);
        long units = abs / 100;
        int fraction = (int) (abs % 100) * 100; // the first base-10000 digit after the point
        short[] digits = new short[6];
        int n = 0;
        // integer part, least significant group first
        short[] integer = new short[5];
        int k = 0;
        while (units > 0) {
            integer[k++] = (short) (units % 10_000);
            units /= 10_000;
        }
        for (int i = k - 1; i >= 0; i--) {
            digits[n++] = integer[i];
        }
        digits[n++] = (short) fraction;
        int weight = k - 1;
        int first = 0;
        if (k == 0) {
            weight = -1; // the only digit is the fraction
        }
        while (n > first && digits[n - 1] == 0) {
            n--; // trailing zeros
        }
        while (first < n && digits[first] == 0) {
            first++; // leading zeros (only possible without an integer part)
        }
        int count = n - first;
        if (count == 0) {
            weight = 0;
        }
        int32(8 + 2 * count);
        int16(count);
        int16(weight);
        int16(negative && count > 0 ? 0x4000 : 0);
        int16(2);
        for (int i = first; i < n; i++) {
            int16(digits[i]);
        }
        return this;
    }

    // ---- raw big-endian writes ----

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
    }

    private void put(byte[] bytes, int off, int n) {
        ensure(n);
        System.arraycopy(bytes, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
