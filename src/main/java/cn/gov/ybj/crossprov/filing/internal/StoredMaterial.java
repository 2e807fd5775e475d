package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** A material that passed the checks: PDF, JPEG or PNG by content, at most 10 MB. */
record StoredMaterial(UUID id, String kind, String fileName, String contentType, String sha256, byte[] content) {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    static StoredMaterial check(FilingApplication.Material m) {
        byte[] c = m.content();
        String name = m.fileName() == null || m.fileName().isBlank() ? "material" : m.fileName().strip();
        if (c == null || c.length == 0) {
            throw new BusinessRuleException("文件「" + name + "」为空", "File \"" + name + "\" is empty");
        }
        if (c.length > MAX_BYTES) {
            throw new BusinessRuleException("文件「" + name + "」超过 10 MB", "File \"" + name + "\" is larger than 10 MB");
        }
        String type = sniff(c);
        if (type == null) {
            throw new BusinessRuleException("文件「" + name + "」不是 PDF、JPG 或 PNG 文件",
                    "File \"" + name + "\" is not a PDF, JPG or PNG file");
        }
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
