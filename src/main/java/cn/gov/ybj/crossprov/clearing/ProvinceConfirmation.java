package cn.gov.ybj.crossprov.clearing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** A province of a clearing month and its confirmation (a row of {@code app.clearing_province}). */
@Embeddable
public class ProvinceConfirmation {

    @Column(name = "province_name")
    private String name;
    @Enumerated(EnumType.STRING)
    private ProvinceStatus status;
    private String confirmedBy;
    private Instant confirmedAt;

    protected ProvinceConfirmation() {
        // for JPA
    }

    ProvinceConfirmation(String name, ProvinceStatus status) {
        this.name = name;
        this.status = status;
    }

    void confirmed(String by, Instant at) {
        this.status = ProvinceStatus.CONFIRMED;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    void disputed() {
        this.status = ProvinceStatus.DISPUTED;
    }

    /** The province's name when the tables were generated (北京市). */
    public String getName() {
        return name;
    }

    public ProvinceStatus getStatus() {
        return status;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
