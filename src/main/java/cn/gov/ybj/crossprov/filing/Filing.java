package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A filing as its owner, the clerks of its area and the officers of its province see it.
 *
 * @param bothPlaces     双向享受待遇: its supplemental materials were approved (004 §2.1.1.3)
 * @param statusReasonEn the reason in English where the application gave it (withdrawal, registry refusal); null for a
 *                       clerk's own words and rows from before V32
 */
public record Filing(UUID id, String applicationSerial, String filingNumber, Channel channel, ReviewMode reviewMode,
                     FilingStatus status, String statusReason, String personIdNumber, String personName,
                     String insuredAreaCode, String treatmentProvince, String treatmentAreaCode,
                     InsuranceType insuranceType, FilingType filingType, LocalDate startDate, LocalDate endDate,
                     String contactName, String contactPhone, String contactAddress, String institutionCode,
                     boolean referral, boolean emergency, boolean commitmentGiven, String submittedBy,
                     Instant submittedAt, Instant openedAt, String processInstanceId, boolean bothPlaces,
                     String statusReasonEn) {

    /** A filing whose reason has no English. */
    public Filing(UUID id, String applicationSerial, String filingNumber, Channel channel, ReviewMode reviewMode,
                  FilingStatus status, String statusReason, String personIdNumber, String personName,
                  String insuredAreaCode, String treatmentProvince, String treatmentAreaCode,
                  InsuranceType insuranceType, FilingType filingType, LocalDate startDate, LocalDate endDate,
                  String contactName, String contactPhone, String contactAddress, String institutionCode,
                  boolean referral, boolean emergency, boolean commitmentGiven, String submittedBy,
                  Instant submittedAt, Instant openedAt, String processInstanceId, boolean bothPlaces) {
        this(id, applicationSerial, filingNumber, channel, reviewMode, status, statusReason, personIdNumber, personName,
                insuredAreaCode, treatmentProvince, treatmentAreaCode, insuranceType, filingType, startDate, endDate,
                contactName, contactPhone, contactAddress, institutionCode, referral, emergency, commitmentGiven,
                submittedBy, submittedAt, openedAt, processInstanceId, bothPlaces, null);
    }

    /** The status reason in the screen's language: a clerk's own words stay as written. */
    public String statusReason(boolean english) {
        return english && statusReasonEn != null ? statusReasonEn : statusReason;
    }

    /**
     * The status in the words of the tab it is shown in (004 §2): 自助开通 已开通 / 开通失败, 快速备案 and 地方平台
     * 备案成功 / 备案失败 — one label per status and tab, whoever reviewed it.
     */
    public String statusLabel() {
        return status.label(tabMode());
    }

    /** {@link #statusLabel} in English: self-service Opened / Opening failed, quick and local Filed / Filing failed. */
    public String statusLabelEn() {
        return status.labelEn(tabMode());
    }

    /** The status label in the screen's language. */
    public String statusLabel(boolean english) {
        return english ? statusLabelEn() : statusLabel();
    }

    /** The tab decides the words, not who reviewed it (004 §2). */
    private ReviewMode tabMode() {
        return channel == Channel.NATIONAL_APP_SELF_SERVICE ? ReviewMode.AUTO : ReviewMode.MANUAL;
    }

    /** 修改备案: a returned filing may be corrected and resubmitted. */
    public boolean mayResubmit() {
        // a counter's or local platform's record shows its details only (004 §2.3)
        return status == FilingStatus.RETURNED && online();
    }

    /** Opened, still in force or closed since: it has its papers (附件1, 备案回执). */
    public boolean hasOpened() {
        return filingNumber != null && (status == FilingStatus.OPENED || status == FilingStatus.CLOSED);
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
     * @param action          what happened, in Chinese
     * @param actionEn        the same in English; the Chinese text for events recorded before English was kept (V26)
     * @param reportable      whether the national filing registry must hear of it
     * @param registryReceipt the registry's receipt once it has; null while the report waits
     */
    public record Event(Instant at, String actor,
                        @Schema(description = "What happened, in Chinese (e.g. 提交备案申请)") String action,
                        @Schema(description = "What happened, in English (e.g. Filing application submitted); the Chinese "
                                + "text for steps recorded before English texts were kept") String actionEn,
                        FilingStatus status, String reason, boolean reportable, String registryReceipt,
                        String reasonEn) {

        public Event(Instant at, String actor, String action, String actionEn, FilingStatus status, String reason,
                     boolean reportable, String registryReceipt) {
            this(at, actor, action, actionEn, status, reason, reportable, registryReceipt, null);
        }


        public Event {
            actionEn = actionEn == null || actionEn.isBlank() ? action : actionEn;
        }

        /** The step's text in the screen's language. */
        public String action(boolean english) {
            return english ? actionEn : action;
        }

        /** The reason in the screen's language: a clerk's own words stay as written. */
        public String reason(boolean english) {
            return english && reasonEn != null ? reasonEn : reason;
        }
    }
}
