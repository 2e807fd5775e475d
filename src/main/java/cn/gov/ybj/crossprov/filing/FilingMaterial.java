package cn.gov.ybj.crossprov.filing;

import java.time.Instant;
import java.util.UUID;

/** A stored material as details show it; the content is fetched separately. */
public record FilingMaterial(UUID id, String kind, String fileName, String contentType, int sizeBytes, String sha256,
                             Instant uploadedAt) {
}
