package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.SafeFileNames;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.UUID;

/**
 * A material that passed the checks: PDF, JPEG or PNG by content, at most 10 MB, and really one:
 * a PDF must parse and have a page, an image must decode (its size is read from the header first,
 * so a 100000×100000 "image" of a few bytes is refused before any pixel memory is taken). The
 * file name is reduced to a safe form ({@link SafeFileNames}).
 */
public record StoredMaterial(UUID id, String kind, String fileName, String contentType, String sha256, byte[] content) {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    /** Scratch memory PDFBox may use while parsing one file. */
    private static final long PDF_MEMORY = 64L * 1024 * 1024;

    public static StoredMaterial check(FilingApplication.Material m) {
        byte[] c = m.content();
        String shown = SafeFileNames.safe(m.fileName());
        if (c == null || c.length == 0) {
            throw new BusinessRuleException("文件「" + shown + "」为空", "File \"" + shown + "\" is empty");
        }
        if (c.length > MAX_BYTES) {
            throw new BusinessRuleException("文件「" + shown + "」超过 10 MB", "File \"" + shown + "\" is larger than 10 MB");
        }
        String type = sniff(c);
        if (type == null) {
            throw new BusinessRuleException("文件「" + shown + "」不是 PDF、JPG 或 PNG 文件",
                    "File \"" + shown + "\" is not a PDF, JPG or PNG file");
        }
        if (!(type.equals("application/pdf") ? isReadablePdf(c) : isDecodableImage(c))) {
            throw new BusinessRuleException("文件「" + shown + "」已损坏或不是有效的 PDF、JPG 或 PNG 文件，无法打开",
                    "File \"" + shown + "\" is damaged or not a valid PDF, JPG or PNG file");
        }
        String name = SafeFileNames.safe(m.fileName(), extension(type));
        String kind = m.kind() == null || m.kind().isBlank() ? "备案材料" : m.kind().strip();
        return new StoredMaterial(UUID.randomUUID(), kind, name, type, sha256(c), c);
    }

    /** The type by its magic bytes; the file name proves nothing. */
    static String sniff(byte[] c) {
        if (startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(c, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (startsWith(c, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "image/png";
        }
        return null;
    }

    /** Parsed by PDFBox with bounded memory; at least one page. */
    static boolean isReadablePdf(byte[] c) {
        try (PDDocument doc = Loader.loadPDF(c, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(PDF_MEMORY).streamCache)) {
            if (doc.getNumberOfPages() < 1) {
                return false;
            }
            doc.getPages().forEach(p -> p.getMediaBox()); // walks the page tree: a broken one throws
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Dimensions from the header first (no pixels yet); then the whole stream is decoded, subsampled
     * so the pixels kept stay small — every byte is still read, so garbage after a header fails.
     */
    static boolean isDecodableImage(byte[] c) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(c))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > MAX_PIXELS) {
                    return false;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(4, 4, 0, 0);
                return reader.read(0, param) != null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            default -> "png";
        };
    }

    private static boolean startsWith(byte[] c, byte[] prefix) {
        if (c.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (c[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
