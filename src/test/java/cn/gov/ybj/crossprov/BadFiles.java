package cn.gov.ybj.crossprov;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Uploads that start like a PDF, JPEG or PNG but are not one (or are too big to decode), and a good image. */
public final class BadFiles {

    private BadFiles() {
    }

    /** name → content; every one must be refused and nothing stored. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("polyglot.pdf", ascii("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"));
        m.put("truncated.pdf", Arrays.copyOf(TestUsers.PDF, 40));
        m.put("no-pages.pdf", noPagesPdf());
        m.put("garbage.jpg", concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, ascii("this is no JPEG at all, only garbage ".repeat(20))));
        m.put("huge.png", pngHeader(100_000, 100_000));
        m.put("empty.pdf", new byte[0]);
        m.put("page.html", ascii("<html><script>alert(1)</script></html>"));
        return m;
    }

    /** A real 2×2 PNG. */
    public static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PNG signature and IHDR (correct CRC) claiming the size, then the end: no pixel data. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put(ascii("IHDR")).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        b.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update(ascii("IEND"));
        b.putInt(0).put(ascii("IEND")).putInt((int) end.getValue());
        return b.array();
    }

    private static byte[] noPagesPdf() {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
