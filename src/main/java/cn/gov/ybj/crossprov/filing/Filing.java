package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.insured.InsuranceType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A filing as its owner, the clerks of its area and the officers of its province see it. */
public record Filing(UUID id, String applicationSerial, String filingNumber, Channel channel, ReviewMode reviewMode,
                     FilingStatus status, String statusReason, String personIdNumber, String personName,
                     String insuredAreaCode, String treatmentProvince, String treatmentAreaCode,
                     InsuranceType insuranceType, FilingType filingType, LocalDate startDate, LocalDate endDate,
                     String contactName, String contactPhone, String contactAddress, String institutionCode,
                     boolean referral, boolean emergency, boolean commitmentGiven, String submittedBy,
                     Instant submittedAt, Instant openedAt, String processInstanceId) {

    /** The status in the words of the filing's mode (备案成功 vs 已开通). */
    public String statusLabel() {
        return status.label(reviewMode == null ? ReviewMode.MANUAL : reviewMode);
    }

    /** What the person may do now (004 §2); the lifecycle issue adds cancel, change and materials. */
    public boolean mayResubmit() {
        return status == FilingStatus.RETURNED;
    }

    /** A step in the case's history. */
    public record Event(Instant at, String actor, String action, FilingStatus status, String reason) {
    }
}
