package cn.gov.ybj.crossprov.filing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * 办件进度 (001 办件进度查询): one item a person applied for, in any of the filing processes.
 *
 * @param kind    which process: its Chinese name is {@link Kind#label()}
 * @param state   the item's state in the words of its kind (申办中, 审核中, 已关闭 …)
 * @param stateEn the same in English (In progress, Under review, Closed …)
 * @param pending still being handled (a clerk or the applicant has to act)
 */
public record CaseProgress(String processInstanceId, Kind kind, UUID filingId, String reference, String personName,
                           Instant appliedAt, String state,
                           @Schema(description = "state in English: In progress, Under review, Closed …") String stateEn,
                           boolean pending) {

    /** The state in the screen's language. */
    public String state(boolean english) {
        return english ? stateEn : state;
    }

    public enum Kind {
        FILING("异地就医备案", "Cross-province filing"),
        CHANGE("备案信息变更", "Filing change"),
        CANCELLATION("取消备案", "Cancellation"),
        SUPPLEMENT("补充材料", "Supplemental materials"),
        CHRONIC_CHOICE("门诊慢特病医疗机构选择", "Chronic disease institution");

        private final String label;
        private final String labelEn;

        Kind(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        /** as the UI's {@code progress.kind.*} key in English */
        public String labelEn() {
            return labelEn;
        }
    }

    /**
     * A step as the applicant understands it (001 办件进度): the engine's plumbing — gateways, the
     * eligibility check, the review-mode decision, sending to review, escalation — is not a step.
     */
    public enum Stage {
        SUBMITTED("提交申请", "Application submitted"),
        REVIEW("经办机构审核", "Review by the agency"),
        RETURNED("退回补正", "Returned for correction"),
        RESUBMITTED("重新提交", "Resubmitted"),
        FILED("备案成功", "Filed"),
        FAILED("备案失败", "Filing failed"),
        WITHDRAWN("已撤回", "Withdrawn"),
        APPROVED("审核通过", "Approved"),
        REFUSED("审核未通过", "Not approved"),
        CHANGED("变更成功", "Change in force"),
        CANCELLED("备案已取消", "Filing cancelled");

        private final String label;
        private final String labelEn;

        Stage(String label, String labelEn) {
            this.label = label;
            this.labelEn = labelEn;
        }

        public String label() {
            return label;
        }

        public String labelEn() {
            return labelEn;
        }
    }

    /**
     * One step of the item, oldest first; {@code current} for the step in hand.
     *
     * @param name        the step in the applicant's words ({@link Stage}), Chinese
     * @param nameEn      the same in English
     * @param startedAt   when it happened: for the applicant's and the agency's acts the time of the filing's history
     *                    event, for a review the time it was handed to the agency
     * @param dueAt       a review in hand: its deadline in working days (the review task's due date)
     * @param agencyName  the current step: the insured area's agency that handles it
     * @param agencyPhone the current step: that agency's phone
     */
    public record Step(String name,
                       @Schema(description = "The step's name in English, e.g. Review by the agency") String nameEn,
                       Instant startedAt, Instant endedAt, boolean current,
                       @Schema(description = "current review: its working-day deadline") Instant dueAt,
                       @Schema(description = "current step: the agency handling it") String agencyName,
                       @Schema(description = "current step: the agency's phone") String agencyPhone) {

        public Step(Stage stage, Instant startedAt, Instant endedAt) {
            this(stage.label(), stage.labelEn(), startedAt, endedAt, false, null, null, null);
        }

        /** This step as the one in hand, with who handles it and by when. */
        public Step current(Instant due, String agency, String phone) {
            return new Step(name, nameEn, startedAt, endedAt, true, due, agency, phone);
        }

        /** The name in the screen's language. */
        public String name(boolean english) {
            return english ? nameEn : name;
        }
    }
}
