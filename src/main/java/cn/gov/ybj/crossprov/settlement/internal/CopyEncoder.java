package cn.gov.ybj.crossprov.settlement.internal;

import org.postgresql.copy.CopyIn;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rows for {@code COPY … FROM STDIN}, field by field into a buffer: {@link PgBinaryCopy} (binary
 * format) or {@link PgTextCopy} (text format, to compare).
 */
public interface CopyEncoder {

    static CopyEncoder of(boolean binary, int initialCapacity) {
        return binary ? new PgBinaryCopy(initialCapacity) : new PgTextCopy(initialCapacity);
    }

    /** Starts a COPY stream (binary: signature and header). */
    CopyEncoder header();

    /** Ends a COPY stream (binary: the trailer). */
    CopyEncoder trailer();

    CopyEncoder row(int fields);

    /** Ends the row. */
    CopyEncoder end();

    int size();

    void reset();

    /** Sends what is buffered and empties the buffer. */
    void flushTo(CopyIn copy) throws SQLException;

    CopyEncoder nul();

    CopyEncoder uuid(UUID value);

    CopyEncoder date(LocalDate value);

    CopyEncoder timestamptz(Instant value);

    CopyEncoder bool(boolean value);

    CopyEncoder text(String value);

    CopyEncoder jsonb(String json);

    /** A one-dimensional text[] without nulls. */
    CopyEncoder textArray(List<String> values);

    /** numeric with two decimals, from fen. */
    CopyEncoder numericFen(long fen);
}
