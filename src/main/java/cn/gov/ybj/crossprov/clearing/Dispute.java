package cn.gov.ybj.crossprov.clearing;

import jakarta.persistence.Embeddable;

import java.time.Instant;

/** A province's dispute of its pair with another province (a row of {@code app.clearing_dispute}). */
@Embeddable
public class Dispute {

    private String provinceCode;
    private String pairProvince;
    private String reason;
    private String raisedBy;
    private Instant raisedAt;

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
}
