package cn.gov.ybj.crossprov.prepayment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** 第十八条: the year's run of the quotas, once per year (the primary key). */
@Entity
@Table(name = "prepayment_year")
public class PrepaymentYear implements Persistable<Integer> {

    @Id
    private Integer year;
    private int basisYear;
    private String runBy;
    private Instant runAt;
    @jakarta.persistence.Transient
    private boolean isNew;

    protected PrepaymentYear() {
        // for JPA
    }

    PrepaymentYear(int year, String runBy, Instant runAt) {
        this.year = year;
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

    public String getRunBy() {
        return runBy;
    }

    public Instant getRunAt() {
        return runAt;
    }
}
