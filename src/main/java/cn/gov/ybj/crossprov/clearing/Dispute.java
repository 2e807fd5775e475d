package cn.gov.ybj.crossprov.clearing;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/**
 * A province's dispute of its pair with another province (a row of {@code app.clearing_dispute}),
 * open until the national centre resolves it.
 */
@Embeddable
public class Dispute {

    private String provinceCode;
    private String pairProvince;
    private String reason;
    private String raisedBy;
    private Instant raisedAt;
    @Enumerated(EnumType.STRING)
    private DisputeResolution resolution;
    private String resolutionNote;
    private String resolvedBy;
    private Instant resolvedAt;

    protected Dispute() {
        // for JPA
    }

    Dispute(String provinceCode, String pairProvince, String reason, String raisedBy, Instant raisedAt) {
        this.provinceCode = provinceCode;
        this.pairProvince = pairProvince;
        this.reason = reason;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    /** the province that disputes */
    public String getProvinceCode() {
        return provinceCode;
    }

    /** the other province of the pair */
    public String getPairProvince() {
        return pairProvince;
    }

    public String getReason() {
        return reason;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    void resolved(DisputeResolution resolution, String note, String by, Instant at) {
        this.resolution = resolution;
        this.resolutionNote = note;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    /** open until the centre resolves it */
    public boolean isOpen() {
        return resolution == null;
    }

    /** {@code province} and {@code pair} in either order */
    boolean concerns(String province, String pair) {
        return provinceCode.equals(province) && pairProvince.equals(pair) || provinceCode.equals(pair) && pairProvince.equals(province);
    }

    public DisputeResolution getResolution() {
        return resolution;
    }

    public String getResolutionNote() {
        return resolutionNote;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
