package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * 第十七条: a paying province's report of its initial quotas — what it advances each receiving province —
 * until the centre confirms the year. Reporting again replaces the lines.
 */
@Entity
@Table(name = "prepayment_report")
public class QuotaReport {

    @Id
    private UUID id;
    private int year;
    private String payingProvince;
    private String reportedBy;
    private Instant reportedAt;
    @ElementCollection
    @CollectionTable(name = "prepayment_report_line", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "receiving_province")
    @Column(name = "amount")
    private Map<String, BigDecimal> lines = new TreeMap<>();
    /** null until first saved: Spring Data then persists the new report */
    @Version
    @Column(nullable = false)
    private Long version;

    protected QuotaReport() {
        // for JPA
    }

    QuotaReport(int year, String payingProvince) {
        this.id = UUID.randomUUID();
        this.year = year;
        this.payingProvince = payingProvince;
    }

    void reported(Map<String, Money> amounts, String by, Instant now) {
        lines.clear();
        amounts.forEach((receiving, amount) -> lines.put(receiving, amount.yuan()));
        reportedBy = by;
        reportedAt = now;
    }

    public int getYear() {
        return year;
    }

    public String getPayingProvince() {
        return payingProvince;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    /** receiving province → amount (yuan) */
    public Map<String, BigDecimal> getLines() {
        return Collections.unmodifiableMap(new TreeMap<>(lines));
    }
}
