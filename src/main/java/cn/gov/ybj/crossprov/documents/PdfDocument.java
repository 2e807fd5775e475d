package cn.gov.ybj.crossprov.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one official document says, in reading order; {@link Documents#render(PdfDocument)} lays it
 * out on A4 pages. Built with {@link #titled(String)}:
 * <pre>{@code
 * PdfDocument certificate = PdfDocument.titled("基本医疗保险参保(合)凭证")
 *         .header("凭证号", "BJ11-001").header("流水号", "8").header("打印时间", "2022-11-03")
 *         .section("基本信息", 4, s -> s
 *                 .field("姓名", "张伟").field("身份证号(社会保障号)", IdNumber.mask(id))
 *                 .wide("户籍所在地", "北京市西城区"))
 *         .paragraphs("注意事项", "1. 本凭证是……", "2. ……")
 *         .closingLine("人力资源和社会保障部 国家卫生和计划生育委员会监制")
 *         .build();
 * }</pre>
 * Values are printed as given (a {@code null} value as an empty cell), so callers format dates,
 * amounts ({@link ChineseAmount}) and mask ID numbers themselves. A value may hold line breaks
 * ({@code \n}); long text wraps inside its cell, and a row that does not fit moves to the next
 * page. Characters the font lacks print as □.
 */
public final class PdfDocument {

    /** One label and its value: a header item or a field. */
    record Entry(String label, String value, boolean wide) {
    }

    sealed interface Block permits FieldSection, Table, Paragraphs, ClosingLine {
    }

    /** A bordered table of label → value cells, {@code columns} 2 or 4 (one or two pairs a row). */
    record FieldSection(String title, int columns, List<Entry> fields) implements Block {
    }

    /** A bordered table with a header row repeated on every page it runs over. */
    record Table(String title, List<String> headers, List<List<String>> rows) implements Block {
    }

    record Paragraphs(String title, List<String> paragraphs) implements Block {
    }

    record ClosingLine(String text) implements Block {
    }

    private final String title;
    private final List<Entry> header;
    private final List<Block> blocks;
    private final String author;
    private final Instant createdAt;

    private PdfDocument(Builder builder) {
        this.title = builder.title;
        this.header = List.copyOf(builder.header);
        this.blocks = List.copyOf(builder.blocks);
        this.author = builder.author;
        this.createdAt = builder.createdAt;
    }

    /** Starts a document with its title, printed centred at the top of the first page. */
    public static Builder titled(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    List<Entry> header() {
        return header;
    }

    List<Block> blocks() {
        return blocks;
    }

    String author() {
        return author;
    }

    /** {@code null}: the time of rendering. */
    Instant createdAt() {
        return createdAt;
    }

    public static final class Builder {

        private final String title;
        private final List<Entry> header = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();
        private String author;
        private Instant createdAt;

        private Builder(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("a document needs a title");
            }
            this.title = title.strip();
        }

        /** One item of the line under the title, e.g. {@code 凭证号：BJ11-001}, in the order added. */
        public Builder header(String label, String value) {
            header.add(new Entry(requireLabel(label), text(value), false));
            return this;
        }

        /**
         * A table of labelled fields under a shaded title row ({@code title} may be {@code null}).
         *
         * @param columns 4 for two label/value pairs a row, 2 for one
         */
        public Builder section(String title, int columns, Consumer<Fields> content) {
            if (columns != 2 && columns != 4) {
                throw new IllegalArgumentException("a field section has 2 or 4 columns, not " + columns);
            }
            Fields fields = new Fields();
            content.accept(fields);
            blocks.add(new FieldSection(title, columns, List.copyOf(fields.entries)));
            return this;
        }

        /**
         * A table of rows under a header row ({@code title} may be {@code null}); each row has as
         * many cells as there are headers. Column widths follow the content; amounts and other
         * numbers are aligned right.
         */
        public Builder table(String title, List<String> headers, List<? extends List<String>> rows) {
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            List<List<String>> copied = new ArrayList<>();
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of "
                            + headers.size() + " columns");
                }
                copied.add(row.stream().map(Builder::text).toList());
            }
            blocks.add(new Table(title, headers.stream().map(Builder::text).toList(), List.copyOf(copied)));
            return this;
        }

        /** Free text under a bold heading ({@code title} may be {@code null}), e.g. 填表说明 or 注意事项. */
        public Builder paragraphs(String title, String... paragraphs) {
            return paragraphs(title, List.of(paragraphs));
        }

        public Builder paragraphs(String title, List<String> paragraphs) {
            blocks.add(new Paragraphs(title, paragraphs.stream().map(Builder::text).toList()));
            return this;
        }

        /** A bold line centred below what comes before it, e.g. the 监制 line at the end of a certificate. */
        public Builder closingLine(String text) {
            blocks.add(new ClosingLine(text(text)));
            return this;
        }

        /** The document's author in its properties (e.g. the issuing agency); nothing is printed. */
        public Builder author(String author) {
            this.author = author;
            return this;
        }

        /** The creation time in the document's properties; by default the time of rendering. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public PdfDocument build() {
            return new PdfDocument(this);
        }

        private static String requireLabel(String label) {
            return Objects.requireNonNull(label, "label");
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    /** The fields of one section, filled row by row, left to right. */
    public static final class Fields {

        private final List<Entry> entries = new ArrayList<>();

        private Fields() {
        }

        /** A label and its value in the next free pair of columns. */
        public Fields field(String label, String value) {
            entries.add(new Entry(Builder.requireLabel(label), Builder.text(value), false));
            return this;
        }

        /** A label whose value takes the rest of a row of its own (e.g. an address). */
        public Fields wide(String label, String value) {
            entries.add(new Entry(Builder.requireLabel(label), Builder.text(value), true));
            return this;
        }
    }
}
