package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.insured.InsuranceType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A filing as its owner, the clerks of its area and the officers of its province see it.
 *
 * @param bothPlaces 双向享受待遇: its supplemental materials were approved (004 §2.1.1.3)
 */
public record Filing(UUID id, String applicationSerial, String filingNumber, Channel channel, ReviewMode reviewMode,
                     FilingStatus status, String statusReason, String personIdNumber, String personName,
                     String insuredAreaCode, String treatmentProvince, String treatmentAreaCode,
                     InsuranceType insuranceType, FilingType filingType, LocalDate startDate, LocalDate endDate,
                     String contactName, String contactPhone, String contactAddress, String institutionCode,
                     boolean referral, boolean emergency, boolean commitmentGiven, String submittedBy,
                     Instant submittedAt, Instant openedAt, String processInstanceId, boolean bothPlaces) {

    /**
     * The status in the words of the tab it is shown in (004 §2): 自助开通 已开通 / 开通失败, 快速备案 and 地方平台
     * 备案成功 / 备案失败 — one label per status and tab, whoever reviewed it.
     */
    public String statusLabel() {
        return status.label(channel == Channel.NATIONAL_APP_SELF_SERVICE ? ReviewMode.AUTO : ReviewMode.MANUAL);
    }

    /** 修改备案: a returned filing may be corrected and resubmitted. */
    public boolean mayResubmit() {
        // a counter's or local platform's record shows its details only (004 §2.3)
        return status == FilingStatus.RETURNED && online();
    }

    /** Made online through the national app (快速备案 or 自助开通), not at a counter or local platform. */
    public boolean online() {
        return channel != Channel.LOCAL;
    }

    /** A 个人承诺 long-term filing, which may add its materials later (补充材料, 004 §2.1.1.3). */
    public boolean commitmentBased() {
        return commitmentGiven && filingType.longTerm();
    }

    /**
     * A step in the case's history.
     *
     * @param reportable      whether the national filing registry must hear of it
     * @param registryReceipt the registry's receipt once it has; null while the report waits
     */
    public record Event(Instant at, String actor, String action, FilingStatus status, String reason,
                        boolean reportable, String registryReceipt) {
    }
}
