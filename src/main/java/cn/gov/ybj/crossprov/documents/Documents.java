package cn.gov.ybj.crossprov.documents;

import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders {@link PdfDocument}s as PDF: A4 portrait, 第 n 页 / 共 m 页 at the foot of every page,
 * Noto Sans SC embedded as a subset (only the glyphs used, so a one-page certificate is tens of
 * kilobytes and its text can be copied and searched). Thread-safe; the font file (10.6 MB,
 * {@value #FONT}) is read from the classpath once and shared.
 */
@Service
public class Documents {

    /** Put there by the Maven build (download-maven-plugin), licence beside it; see docs/documents.md. */
    static final String FONT = "fonts/NotoSansSC-Regular.ttf";

    private static volatile byte[] font;

    /** The document as PDF bytes, ready to download ({@code application/pdf}). */
    public byte[] render(PdfDocument document) {
        try {
            return new PdfRenderer(fontBytes()).render(document);
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed: " + document.title(), e);
        }
    }

    static byte[] fontBytes() {
        byte[] bytes = font;
        if (bytes == null) {
            synchronized (Documents.class) {
                bytes = font;
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
                    font = bytes;
                }
            }
        }
        return bytes;
    }
}
