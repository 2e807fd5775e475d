package cn.gov.ybj.crossprov.settlement.internal;

import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The same rows as {@link PgBinaryCopy} in COPY's text format (tab-separated, {@code \N} for
 * null, backslash escapes), only to compare the two formats in the bulk-load benchmark
 * ({@code -Dbench.format=text}).
 */
public final class PgTextCopy implements CopyEncoder {

    private final StringBuilder line = new StringBuilder(1024);
    private final java.io.ByteArrayOutputStream out;
    private boolean first = true;

    public PgTextCopy(int initialCapacity) {
        out = new java.io.ByteArrayOutputStream(initialCapacity);
    }

    @Override
    public PgTextCopy header() {
        return this;
    }

    @Override
    public PgTextCopy trailer() {
        return this;
    }

    @Override
    public PgTextCopy row(int fields) {
        first = true;
        return this;
    }

    @Override
    public void reset() {
        out.reset();
        line.setLength(0);
    }

    /** Ends the current row. */
    @Override
    public PgTextCopy end() {
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        line.setLength(0);
        return this;
    }

    @Override
    public int size() {
        return out.size();
    }

    @Override
    public void flushTo(CopyIn copy) throws SQLException {
        if (out.size() > 0) {
            byte[] bytes = out.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            out.reset();
        }
    }

    private StringBuilder field() {
        if (!first) {
            line.append('\t');
        }
        first = false;
        return line;
    }

    @Override
    public PgTextCopy nul() {
        field().append("\\N");
        return this;
    }

    @Override
    public PgTextCopy uuid(UUID v) {
        return v == null ? nul() : raw(v.toString());
    }

    @Override
    public PgTextCopy date(LocalDate v) {
        return v == null ? nul() : raw(v.toString());
    }

    @Override
    public PgTextCopy timestamptz(Instant v) {
        return v == null ? nul() : raw(v.toString());
    }

    @Override
    public PgTextCopy bool(boolean v) {
        return raw(v ? "t" : "f");
    }

    @Override
    public PgTextCopy numericFen(long fen) {
        StringBuilder b = field();
        if (fen < 0) {
            b.append('-');
            fen = -fen;
        }
        long fraction = fen % 100;
        b.append(fen / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
        return this;
    }

    @Override
    public PgTextCopy text(String v) {
        if (v == null) {
            return nul();
        }
        escape(field(), v);
        return this;
    }

    @Override
    public PgTextCopy jsonb(String json) {
        return text(json);
    }

    /** text[] as an array literal, every element quoted. */
    @Override
    public PgTextCopy textArray(List<String> values) {
        if (values == null) {
            return nul();
        }
        StringBuilder a = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    a.append('\\');
                }
                a.append(c);
            }
            a.append('"');
        }
        a.append('}');
        return text(a.toString());
    }

    private PgTextCopy raw(String s) {
        field().append(s);
        return this;
    }

    private static void escape(StringBuilder b, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
