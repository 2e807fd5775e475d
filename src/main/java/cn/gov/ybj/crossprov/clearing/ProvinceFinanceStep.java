package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.workflow.DeadlineStep;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** A finance step of a province in a clearing month (a row of {@code app.clearing_finance_step}). */
@Embeddable
public class ProvinceFinanceStep extends DeadlineStep {

    @Column(name = "province_code")
    private String province;
    @Enumerated(EnumType.STRING)
    private FinanceStep step;

    protected ProvinceFinanceStep() {
        // for JPA
    }

    ProvinceFinanceStep(String province, FinanceStep step, Instant openedAt, Instant due) {
        super(openedAt, due);
        this.province = province;
        this.step = step;
    }

    void done(String by, String note, Instant at) {
        markDone(by, note, at);
    }

    void escalated(Instant at) {
        markEscalated(at);
    }

    public String getProvince() {
        return province;
    }

    public FinanceStep getStep() {
        return step;
    }
}
