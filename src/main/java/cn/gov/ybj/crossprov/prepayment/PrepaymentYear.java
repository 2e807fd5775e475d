package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** The year's quotas, set once per year (the primary key): 第十七条's initial quotas or 第十八条's yearly run. */
@Entity
@Table(name = "prepayment_year")
public class PrepaymentYear implements Persistable<Integer> {

    public enum Kind {
        /** 第十七条: reported by the provinces, confirmed by the centre (附件2/3) */
        INITIAL,
        /** 第十八条: two months of last year's clearing (附件4, 4-1, 4-2) */
        YEARLY
    }

    @Id
    private Integer year;
    private int basisYear;
    private String runBy;
    private Instant runAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;
    @jakarta.persistence.Transient
    private boolean isNew;

    protected PrepaymentYear() {
        // for JPA
    }

    PrepaymentYear(int year, Kind kind, String runBy, Instant runAt) {
        this.year = year;
        this.kind = kind;
        this.basisYear = year - 1;
        this.runBy = runBy;
        this.runAt = runAt;
        this.isNew = true;
    }

    @Override
    public Integer getId() {
        return year;
    }

    /** a new year is inserted, never merged: a second run of the year fails on the primary key */
    @Override
    public boolean isNew() {
        return isNew;
    }

    public int getYear() {
        return year;
    }

    /** the year whose clearing amounts the quotas are two months of */
    public int getBasisYear() {
        return basisYear;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRunBy() {
        return runBy;
    }

    public Instant getRunAt() {
        return runAt;
    }
}
