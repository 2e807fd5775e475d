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
    private Instant escalatedAt;

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

    /** to confirm (again): its disputes are resolved, or its tables changed after it had confirmed */
    void toConfirm() {
        this.status = ProvinceStatus.PENDING;
        this.confirmedBy = null;
        this.confirmedAt = null;
    }

    /** nothing to pay or receive any more (its pairs carried to a later month) */
    void notInvolved() {
        this.status = ProvinceStatus.NOT_INVOLVED;
    }

    /** not confirmed by the 25th: escalated to the national centre, once */
    void escalated(Instant at) {
        if (escalatedAt == null) {
            this.escalatedAt = at;
        }
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

    /** when its confirmation was escalated to the centre (late by the 25th), or null */
    public Instant getEscalatedAt() {
        return escalatedAt;
    }
}
