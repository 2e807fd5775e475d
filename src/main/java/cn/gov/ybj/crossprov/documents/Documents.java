package cn.gov.ybj.crossprov.documents;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders {@link PdfDocument}s as PDF: A4 portrait, 第 n 页 / 共 m 页 at the foot of every page,
 * Noto Sans SC embedded as a subset (only the glyphs used, so a one-page certificate is tens of
 * kilobytes and its text can be copied and searched). Thread-safe.
 * <p>
 * The font file (10.6 MB, {@value #FONT}) is read from the classpath once. Parsing it for every
 * document made a certificate take 794 ms; with parsed fonts kept for reuse it takes 96 ms
 * (sample certificate, {@code DocumentsTest}, on the 2-core build machine under a load of 12).
 * Each render borrows a parsed font for itself (PDFBox objects are not made for concurrent use)
 * and gives it back; at most {@value #IDLE_FONTS} are kept.
 */
@Service
public class Documents {

    /** Put there by the Maven build (npm pack, see pom.xml), licence beside it; see docs/documents.md. */
    static final String FONT = "fonts/NotoSansSC-Regular.ttf";
    static final int IDLE_FONTS = 4;

    private static volatile byte[] fontBytes;
    private static final Queue<TrueTypeFont> IDLE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    /** The document as PDF bytes, ready to download ({@code application/pdf}). */
    public byte[] render(PdfDocument document) {
        TrueTypeFont font = borrowFont();
        boolean reusable = false;
        try {
            byte[] pdf = new PdfRenderer(font).render(document);
            reusable = true;
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed: " + document.title(), e);
        } finally {
            giveBack(font, reusable);
        }
    }

    private static TrueTypeFont borrowFont() {
        TrueTypeFont font = IDLE.poll();
        if (font != null) {
            IDLE_COUNT.decrementAndGet();
            return font;
        }
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(fontBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + FONT, e);
        }
    }

    /** Keeps a font that rendered without error, unless enough are kept already. */
    private static void giveBack(TrueTypeFont font, boolean reusable) {
        if (reusable && IDLE_COUNT.incrementAndGet() <= IDLE_FONTS) {
            IDLE.offer(font);
            return;
        }
        if (reusable) {
            IDLE_COUNT.decrementAndGet();
        }
        try {
            font.close();
        } catch (IOException ignored) {
            // an in-memory buffer: nothing to release
        }
    }

    static byte[] fontBytes() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            synchronized (Documents.class) {
                bytes = fontBytes;
                if (bytes == null) {
                    try (InputStream in = Documents.class.getClassLoader().getResourceAsStream(FONT)) {
                        if (in == null) {
                            throw new IllegalStateException(FONT + " is not on the classpath: the Maven build puts it "
                                    + "there (process-resources; see docs/documents.md)");
                        }
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + FONT, e);
                    }
                    fontBytes = bytes;
                }
            }
        }
        return bytes;
    }
}
