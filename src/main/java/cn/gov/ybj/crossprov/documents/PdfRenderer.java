package cn.gov.ybj.crossprov.documents;

import cn.gov.ybj.crossprov.documents.PdfDocument.Block;
import cn.gov.ybj.crossprov.documents.PdfDocument.ClosingLine;
import cn.gov.ybj.crossprov.documents.PdfDocument.Entry;
import cn.gov.ybj.crossprov.documents.PdfDocument.FieldSection;
import cn.gov.ybj.crossprov.documents.PdfDocument.Paragraphs;
import cn.gov.ybj.crossprov.documents.PdfDocument.Table;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays one {@link PdfDocument} out on A4 pages with PDFBox. One instance per document (not
 * thread-safe), with a parsed {@link TrueTypeFont} that nobody else uses meanwhile; the
 * document embeds the subset of glyphs it used when it is saved. The font is not closed here.
 */
final class PdfRenderer {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN_X = 50;
    private static final float TOP = PAGE.getHeight() - 50;
    private static final float BOTTOM = 60;
    private static final float FOOTER_BASELINE = 30;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN_X;
    private static final float RIGHT = MARGIN_X + WIDTH;

    private static final float TITLE = 16;
    private static final float HEADING = 10.5f;
    private static final float BODY = 10;
    private static final float SMALL = 9;
    /** Line height as a multiple of the font size. */
    private static final float LEADING = 1.5f;
    /** Top of the ideographic em box above the baseline, as a share of the size (Noto Sans SC: 880/1000). */
    private static final float ASCENT = 0.88f;
    private static final float PAD_X = 4;
    private static final float PAD_Y = 3;
    private static final float BLOCK_GAP = 10;
    private static final float BORDER = 0.5f;

    private static final Color TEXT = Color.BLACK;
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color LINES = new Color(0x33, 0x33, 0x33);
    private static final Color TITLE_FILL = new Color(0xE3, 0xE3, 0xE3);
    private static final Color LABEL_FILL = new Color(0xF4, 0xF4, 0xF4);

    /** Printed for a character the font has no glyph for. */
    private static final int MISSING = '□';
    /** No line starts with these (closing punctuation), none ends with those (opening). */
    private static final String NO_LINE_START = "，。、；：！？）】》」』〉”’％…·,.;:!?)]}%";
    private static final String NO_LINE_END = "（【《「『〈“‘([{¥￥";
    /** Amounts, counts, dates and periods are aligned right in tables. */
    private static final Pattern NUMERIC = Pattern.compile("[-+]?[¥￥]?[\\d,]*\\d(\\.\\d+)?%?");
    /** A list marker at the start of a paragraph, continued lines are indented by its width. */
    private static final Pattern MARKER = Pattern.compile("^(\\d{1,2}[.、．]\\s*|[①-⑳]\\s*|[(（]\\d{1,2}[)）]\\s*)");

    private enum Align { LEFT, CENTER, RIGHT }

    private record Cell(float x, float width, List<String> lines, float size, boolean bold, Align align, Color fill) {
        float lineHeight() {
            return size * LEADING;
        }
    }

    private final TrueTypeFont ttf;
    private final Map<Integer, Float> advances = new HashMap<>();
    private PDDocument doc;
    private PDType0Font font;
    private CmapLookup cmap;
    private PDPageContentStream out;
    private float y;
    /** Nothing but repeated headers on this page yet: a row that does not fit here is split, not moved. */
    private boolean fresh;

    PdfRenderer(TrueTypeFont ttf) {
        this.ttf = ttf;
    }

    byte[] render(PdfDocument document) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            doc = pdf;
            font = PDType0Font.load(pdf, ttf, true);
            cmap = ttf.getUnicodeCmapLookup();
            properties(document);
            try {
                newPage();
                title(document.title());
                headerLine(document.header());
                for (Block block : document.blocks()) {
                    if (block instanceof FieldSection section) {
                        fieldSection(section);
                    } else if (block instanceof Table table) {
                        table(table);
                    } else if (block instanceof Paragraphs paragraphs) {
                        paragraphs(paragraphs);
                    } else if (block instanceof ClosingLine closing) {
                        closingLine(closing.text());
                    }
                }
            } finally {
                out.close();
            }
            pageNumbers();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void properties(PdfDocument document) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(document.title());
        if (document.author() != null) {
            info.setAuthor(document.author());
        }
        info.setCreator("crossprov documents");
        Instant created = document.createdAt() != null ? document.createdAt() : Instant.now();
        info.setCreationDate(GregorianCalendar.from(created.atZone(ChinaTime.ZONE)));
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("zh-CN");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
    }

    // ---- blocks -------------------------------------------------------------------------------

    private void title(String title) throws IOException {
        float lineHeight = TITLE * 1.4f;
        for (String line : wrap(title, TITLE, WIDTH, WIDTH)) {
            float w = width(line, TITLE);
            text(line, MARGIN_X + (WIDTH - w) / 2, baseline(y, lineHeight, TITLE), TITLE, true, TEXT);
            y -= lineHeight;
        }
        y -= 4;
    }

    /** The items on one line spread over the width when they fit, otherwise flowing left to right. */
    private void headerLine(List<Entry> items) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        float lineHeight = BODY * LEADING;
        List<String> texts = items.stream().map(e -> oneLine(e.label()) + "：" + oneLine(e.value())).toList();
        float[] widths = new float[texts.size()];
        float sum = 0;
        for (int i = 0; i < texts.size(); i++) {
            widths[i] = width(printable(texts.get(i)), BODY);
            sum += widths[i];
        }
        float minGap = 2 * BODY;
        if (texts.size() > 1 && sum + minGap * (texts.size() - 1) <= WIDTH) {
            float gap = (WIDTH - sum) / (texts.size() - 1);
            float x = MARGIN_X;
            for (int i = 0; i < texts.size(); i++) {
                text(printable(texts.get(i)), x, baseline(y, lineHeight, BODY), BODY, false, TEXT);
                x += widths[i] + gap;
            }
            y -= lineHeight;
        } else {
            float x = MARGIN_X;
            for (int i = 0; i < texts.size(); i++) {
                if (x > MARGIN_X && x + widths[i] > RIGHT) {
                    y -= lineHeight;
                    x = MARGIN_X;
                }
                List<String> lines = wrap(texts.get(i), BODY, WIDTH, WIDTH);
                for (int k = 0; k < lines.size(); k++) {
                    if (k > 0) {
                        y -= lineHeight;
                    }
                    text(lines.get(k), x, baseline(y, lineHeight, BODY), BODY, false, TEXT);
                }
                x += width(lines.get(lines.size() - 1), BODY) + minGap;
            }
            y -= lineHeight;
        }
        y -= 2;
        fresh = false;
    }

    private void fieldSection(FieldSection section) throws IOException {
        int pairs = section.columns() / 2;
        // 0.22 of the width holds a label of ten Chinese characters (其中累计实际缴费月数) on one line
        float labelWidth = pairs == 2 ? WIDTH * 0.22f : WIDTH * 0.25f;
        float valueWidth = pairs == 2 ? WIDTH * 0.28f : WIDTH * 0.75f;
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        int used = 0;
        float x = MARGIN_X;
        for (Entry field : section.fields()) {
            if (field.wide() && used > 0) {
                rows.add(padded(row, x));
                row = new ArrayList<>();
                used = 0;
                x = MARGIN_X;
            }
            row.add(cell(x, labelWidth, field.label(), BODY, false, Align.LEFT, LABEL_FILL));
            x += labelWidth;
            float w = field.wide() ? RIGHT - x : valueWidth;
            row.add(cell(x, w, field.value(), BODY, false, Align.LEFT, null));
            x += w;
            used = field.wide() ? pairs : used + 1;
            if (used == pairs) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
                x = MARGIN_X;
            }
        }
        if (used > 0) {
            rows.add(padded(row, x));
        }
        gap();
        titledRows(section.title(), rows, null);
    }

    private void table(Table table) throws IOException {
        int columns = table.headers().size();
        float[] widths = columnWidths(table);
        List<Cell> header = new ArrayList<>();
        float x = MARGIN_X;
        for (int c = 0; c < columns; c++) {
            header.add(cell(x, widths[c], table.headers().get(c), BODY, true, Align.CENTER, LABEL_FILL));
            x += widths[c];
        }
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(header);
        for (List<String> values : table.rows()) {
            List<Cell> row = new ArrayList<>();
            x = MARGIN_X;
            for (int c = 0; c < columns; c++) {
                String value = values.get(c);
                Align align = NUMERIC.matcher(value.strip()).matches() ? Align.RIGHT : Align.LEFT;
                row.add(cell(x, widths[c], value, BODY, false, align, null));
                x += widths[c];
            }
            rows.add(row);
        }
        gap();
        titledRows(table.title(), rows, header);
    }

    /** Widths from the content: narrow columns keep their natural width, wide ones share the rest. */
    private float[] columnWidths(Table table) throws IOException {
        int columns = table.headers().size();
        float[] natural = new float[columns];
        for (int c = 0; c < columns; c++) {
            float w = longestLine(table.headers().get(c));
            for (List<String> row : table.rows()) {
                w = Math.max(w, longestLine(row.get(c)));
            }
            natural[c] = Math.max(w, 2 * BODY) + 2 * PAD_X + 1;
        }
        float total = 0;
        for (float w : natural) {
            total += w;
        }
        float[] widths = new float[columns];
        if (total <= WIDTH) {
            for (int c = 0; c < columns; c++) {
                widths[c] = natural[c] * WIDTH / total;
            }
            return widths;
        }
        float fair = WIDTH / columns;
        float narrow = 0;
        float wide = 0;
        for (float w : natural) {
            if (w <= fair) {
                narrow += w;
            } else {
                wide += w;
            }
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = natural[c] <= fair ? natural[c] : natural[c] * (WIDTH - narrow) / wide;
        }
        return widths;
    }

    private float longestLine(String value) throws IOException {
        float longest = 0;
        for (String line : printable(value).split("\n", -1)) {
            longest = Math.max(longest, width(line, BODY));
        }
        return longest;
    }

    /**
     * A shaded title row kept with the first row, then the rows; {@code repeat} (a header row) is
     * drawn again at the top of every page the rows run over.
     */
    private void titledRows(String title, List<List<Cell>> rows, List<Cell> repeat) throws IOException {
        List<Cell> titleRow = title == null || title.isBlank() ? null
                : List.of(cell(MARGIN_X, WIDTH, title, HEADING, true, Align.LEFT, TITLE_FILL));
        float first = (titleRow == null ? 0 : rowHeight(titleRow))
                + rows.stream().limit(repeat == null ? 1 : 2).map(this::rowHeight).reduce(0f, Float::sum);
        keep(first);
        if (titleRow != null) {
            row(titleRow, null);
        }
        for (List<Cell> row : rows) {
            row(row, row == repeat ? null : repeat);
        }
    }

    private void paragraphs(Paragraphs block) throws IOException {
        gap();
        float lineHeight = BODY * LEADING;
        if (block.title() != null && !block.title().isBlank()) {
            float headingHeight = HEADING * LEADING;
            keep(headingHeight + 2 * lineHeight);
            for (String line : wrap(block.title(), HEADING, WIDTH, WIDTH)) {
                text(line, MARGIN_X, baseline(y, headingHeight, HEADING), HEADING, true, TEXT);
                y -= headingHeight;
            }
            fresh = false;
        }
        for (String paragraph : block.paragraphs()) {
            String printable = printable(paragraph);
            Matcher marker = MARKER.matcher(printable);
            float indent = marker.find() ? width(marker.group(), BODY) : 0;
            List<String> lines = wrap(printable, BODY, WIDTH, WIDTH - indent);
            for (int k = 0; k < lines.size(); k++) {
                if (y - lineHeight < BOTTOM) {
                    newPage();
                }
                text(lines.get(k), MARGIN_X + (k == 0 ? 0 : indent), baseline(y, lineHeight, BODY), BODY, false, TEXT);
                y -= lineHeight;
                fresh = false;
            }
            y -= 2;
        }
    }

    private void closingLine(String text) throws IOException {
        gap();
        y -= BLOCK_GAP;
        float lineHeight = HEADING * LEADING;
        List<String> lines = wrap(text, HEADING, WIDTH, WIDTH);
        keep(lines.size() * lineHeight);
        for (String line : lines) {
            float w = width(line, HEADING);
            text(line, MARGIN_X + (WIDTH - w) / 2, baseline(y, lineHeight, HEADING), HEADING, true, TEXT);
            y -= lineHeight;
        }
        fresh = false;
    }

    private void pageNumbers() throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = footer;
                String number = "第 " + (i + 1) + " 页 / 共 " + total + " 页";
                text(number, MARGIN_X + (WIDTH - width(number, SMALL)) / 2, FOOTER_BASELINE, SMALL, false, MUTED);
            }
        }
    }

    // ---- rows and cells -----------------------------------------------------------------------

    private Cell cell(float x, float width, String text, float size, boolean bold, Align align, Color fill)
            throws IOException {
        float inner = width - 2 * PAD_X;
        return new Cell(x, width, wrap(text, size, inner, inner), size, bold, align, fill);
    }

    private List<Cell> padded(List<Cell> row, float x) {
        if (x < RIGHT - 0.5f) {
            row.add(new Cell(x, RIGHT - x, List.of(""), BODY, false, Align.LEFT, null));
        }
        return row;
    }

    private float rowHeight(List<Cell> row) {
        float height = 0;
        for (Cell c : row) {
            height = Math.max(height, Math.max(1, c.lines().size()) * c.lineHeight());
        }
        return height + 2 * PAD_Y;
    }

    /**
     * Draws one row at the cursor. A row that does not fit moves to the next page (after the
     * repeated header, if any); one taller than a whole page is split between lines, starting
     * where it is.
     */
    private void row(List<Cell> cells, List<Cell> repeat) throws IOException {
        int offset = 0;
        while (true) {
            float lineHeight = 0;
            int left = 1;
            float need = 0;
            for (Cell c : cells) {
                lineHeight = Math.max(lineHeight, c.lineHeight());
                left = Math.max(left, c.lines().size() - offset);
                need = Math.max(need, Math.max(1, c.lines().size() - offset) * c.lineHeight());
            }
            need += 2 * PAD_Y;
            if (need <= y - BOTTOM) {
                drawRow(cells, offset, left, need, offset == 0);
                y -= need;
                fresh = false;
                return;
            }
            int fit = (int) Math.floor((y - BOTTOM - 2 * PAD_Y) / lineHeight);
            float page = TOP - BOTTOM - (repeat == null ? 0 : rowHeight(repeat));
            if (!fresh && (need <= page || fit < 2)) {
                breakPage(repeat);
                continue;
            }
            fit = Math.max(1, fit);
            float height = fit * lineHeight + 2 * PAD_Y;
            drawRow(cells, offset, fit, height, false);
            y -= height;
            offset += fit;
            breakPage(repeat);
        }
    }

    private void breakPage(List<Cell> repeat) throws IOException {
        newPage();
        if (repeat != null) {
            row(repeat, null);
        }
        fresh = true;
    }

    private void drawRow(List<Cell> cells, int offset, int lines, float height, boolean centred) throws IOException {
        float top = y;
        for (Cell c : cells) {
            if (c.fill() != null) {
                out.setNonStrokingColor(c.fill());
                out.addRect(c.x(), top - height, c.width(), height);
                out.fill();
            }
        }
        out.setStrokingColor(LINES);
        out.setLineWidth(BORDER);
        for (Cell c : cells) {
            out.addRect(c.x(), top - height, c.width(), height);
        }
        out.stroke();
        for (Cell c : cells) {
            List<String> part = c.lines().subList(Math.min(offset, c.lines().size()),
                    Math.min(offset + lines, c.lines().size()));
            float lineHeight = c.lineHeight();
            float textTop = centred ? top - (height - part.size() * lineHeight) / 2 : top - PAD_Y;
            for (int k = 0; k < part.size(); k++) {
                String line = part.get(k);
                float w = width(line, c.size());
                float x = switch (c.align()) {
                    case LEFT -> c.x() + PAD_X;
                    case CENTER -> c.x() + (c.width() - w) / 2;
                    case RIGHT -> c.x() + c.width() - PAD_X - w;
                };
                text(line, x, baseline(textTop - k * lineHeight, lineHeight, c.size()), c.size(), c.bold(), TEXT);
            }
        }
    }

    // ---- pages and text -----------------------------------------------------------------------

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = TOP;
        fresh = true;
    }

    /** Starts a new page unless {@code height} fits below the cursor (or the page is still empty). */
    private void keep(float height) throws IOException {
        if (height > y - BOTTOM && !fresh) {
            newPage();
        }
    }

    private void gap() {
        if (!fresh) {
            y -= BLOCK_GAP;
        }
    }

    /** The baseline that centres the em box of {@code size} in a line box whose top is {@code lineTop}. */
    private static float baseline(float lineTop, float lineHeight, float size) {
        return lineTop - (lineHeight - size) / 2 - ASCENT * size;
    }

    /** Draws printable text; bold is the regular face filled and stroked (one weight is embedded). */
    private void text(String text, float x, float baseline, float size, boolean bold, Color color) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.setNonStrokingColor(color);
        if (bold) {
            out.setStrokingColor(color);
            out.setLineWidth(size * 0.035f);
        }
        out.beginText();
        out.setFont(font, size);
        out.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * The text as the font can print it: line breaks as {@code \n}, tabs and other spaces as a
     * space, control and format characters (zero-width, bidi) dropped, a character without a
     * glyph as □.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                if (cp == '\t') {
                    out.append(' ');
                }
            } else if (cmap.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else if (Character.isSpaceChar(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(MISSING);
            }
        }
        return out.toString();
    }

    /**
     * Breaks text into lines no wider than {@code first} (the first line) and {@code rest} (the
     * others): at spaces and between Chinese characters, never before closing or after opening
     * punctuation, inside a long word only when nothing else fits.
     */
    List<String> wrap(String text, float size, float first, float rest) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            int start = 0;
            int breakAt = -1;
            float used = 0;
            int i = 0;
            while (i < paragraph.length()) {
                int cp = paragraph.codePointAt(i);
                int n = Character.charCount(cp);
                float advance = advance(cp) * size;
                float max = lines.isEmpty() ? first : rest;
                if (i > start && cp != ' ' && used + advance > max) {
                    int cut = noBadBreak(paragraph, start, breakAt > start ? breakAt : i);
                    lines.add(paragraph.substring(start, cut).stripTrailing());
                    start = cut;
                    while (start < i && paragraph.charAt(start) == ' ') {
                        start++;
                    }
                    used = width(paragraph.substring(start, i), size);
                    breakAt = -1;
                    continue;
                }
                boolean anywhere = breaksAnywhere(cp);
                if (anywhere && i > start) {
                    breakAt = i;
                }
                used += advance;
                i += n;
                if (anywhere || cp == ' ') {
                    breakAt = i;
                }
            }
            lines.add(paragraph.substring(start).stripTrailing());
        }
        return lines;
    }

    private static int noBadBreak(String text, int start, int cut) {
        int c = cut;
        while (c > start + 1 && (NO_LINE_START.indexOf(text.charAt(c)) >= 0 || NO_LINE_END.indexOf(text.charAt(c - 1)) >= 0)) {
            c--;
            if (Character.isLowSurrogate(text.charAt(c)) && c > start + 1) {
                c--;
            }
        }
        return NO_LINE_START.indexOf(text.charAt(c)) >= 0 || NO_LINE_END.indexOf(text.charAt(c - 1)) >= 0 ? cut : c;
    }

    private static boolean breaksAnywhere(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) || cp == MISSING;
    }

    private float width(String printable, float size) throws IOException {
        float w = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            w += advance(cp);
            i += Character.charCount(cp);
        }
        return w * size;
    }

    /** Advance of one code point in text-space units per point of font size. */
    private float advance(int cp) throws IOException {
        Float cached = advances.get(cp);
        if (cached == null) {
            cached = font.getStringWidth(new String(Character.toChars(cp))) / 1000f;
            advances.put(cp, cached);
        }
        return cached;
    }
}
