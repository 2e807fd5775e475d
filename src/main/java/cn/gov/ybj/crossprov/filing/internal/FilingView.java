package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingAction;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.shared.IdNumber;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A filing as the REST API shows it (the person's ID number masked); also inside the requests' review views. */
public record FilingView(UUID id, String applicationSerial, String filingNumber,
                  @Schema(description = "NATIONAL_APP_QUICK | NATIONAL_APP_SELF_SERVICE | LOCAL") String channel,
                  @Schema(description = "我的备案's tab: 快速备案 | 自助开通 | 地方平台") String tab,
                  String reviewMode,
                  @Schema(description = "SUBMITTED | OPENED | RETURNED | FAILED | CLOSED") String status,
                  @Schema(description = "The status in the words of the filing's tab (004 §2), one label per status and tab: "
                          + "自助开通 申办中 / 已开通 / 被退回 / 开通失败 / 已关闭; 快速备案 and 地方平台 申办中 / 备案成功 / 备案失败 (also a "
                          + "returned one, found under 被退回) / 备案失败 / 已关闭") String statusLabel,
                  @Schema(description = "statusLabel in English, with the same split by tab: 自助开通 In progress / Opened / "
                          + "Returned / Opening failed / Closed; 快速备案 and 地方平台 In progress / Filed / Filing failed / "
                          + "Filing failed / Closed") String statusLabelEn,
                  String statusReason,
                  @Schema(description = "statusReason in English where the application wrote it (a withdrawal, the registry's "
                          + "refusal); null for a clerk's own words") String statusReasonEn,
                  String personIdNumber,
                  String personName, String insuredAreaCode, String treatmentAreaCode,
                  @Schema(description = "险种 as on 附件1: EMPLOYEE 城镇职工 | URBAN_RESIDENT 城镇居民 | NCMS 新农合 | RESIDENT 城乡居民")
                  String insuranceType,
                  String filingType, String filingTypeLabel, LocalDate startDate, LocalDate endDate,
                  String contactName, String contactPhone, String contactAddress, String institutionCode,
                  boolean referral, boolean emergency, boolean commitmentGiven, Instant submittedAt, Instant openedAt,
                  List<FilingAction> actions,
                  @Schema(description = "Requests on the filing under review, shown beside the status (我的备案 only): "
                          + "CANCELLATION 取消审核中 | CHANGE 变更审核中 | SUPPLEMENT 补充材料审核中 | CHRONIC_CHOICE 门诊慢特病选择审核中")
                  List<PendingView> pending) {

    /** A request under review as a secondary status. */
    public record PendingView(@Schema(description = "CANCELLATION | CHANGE | SUPPLEMENT | CHRONIC_CHOICE") String code,
                              @Schema(description = "e.g. 取消审核中") String label,
                              @Schema(description = "e.g. Cancellation under review") String labelEn) {

        static PendingView of(FilingOptions.Pending p) {
            return new PendingView(p.name(), p.label(), p.labelEn());
        }
    }

    /** Without actions: the filing as a reviewer sees it. */
    public static FilingView of(Filing f) {
        return of(f, List.of());
    }

    public static FilingView of(Filing f, List<FilingAction> actions) {
        return of(f, actions, FilingOptions.NONE);
    }

    /** With what its owner may do and the requests under review (我的备案). */
    public static FilingView of(Filing f, List<FilingAction> actions, FilingOptions options) {
        return new FilingView(f.id(), f.applicationSerial(), f.filingNumber(), f.channel().name(), f.channel().tab(),
                f.reviewMode() == null ? null : f.reviewMode().name(), f.status().name(), f.statusLabel(), f.statusLabelEn(),
                f.statusReason(), f.statusReasonEn(), IdNumber.mask(f.personIdNumber()), f.personName(), f.insuredAreaCode(),
                f.treatmentAreaCode(), f.insuranceType().name(), f.filingType().name(), f.filingType().label(),
                f.startDate(), f.endDate(), f.contactName(), f.contactPhone(), f.contactAddress(),
                f.institutionCode(), f.referral(), f.emergency(), f.commitmentGiven(), f.submittedAt(),
                f.openedAt(), actions, options.pending().stream().map(PendingView::of).toList());
    }
}
