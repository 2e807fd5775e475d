package cn.gov.ybj.crossprov.filing;

import java.time.Instant;
import java.util.UUID;

/** A stored material as details show it; the content is fetched separately. */
public record FilingMaterial(UUID id, String kind, String fileName, String contentType, int sizeBytes, String sha256,
                             Instant uploadedAt) {

    /** The kind stored for a material of a type that asks for none in particular (a stored value, not a label). */
    public static final String OTHER_KIND = "其他材料";

    /** The filing type whose material this is, if its kind is one of theirs (for the kind's English words). */
    public java.util.Optional<FilingType> filingType() {
        return java.util.Arrays.stream(FilingType.values()).filter(t -> kind != null && kind.equals(t.material())).findFirst();
    }
}
