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
     * A step of the item's case as the engine's history has it; {@code current} while it is still open.
     *
     * @param name   the step's name in the process model (Chinese)
     * @param nameEn the same in English; the Chinese name for a step the application has no English for
     */
    public record Step(String name,
                       @Schema(description = "The step's name in English, e.g. Review of the filing application") String nameEn,
                       Instant startedAt, Instant endedAt, boolean current) {

        /** The name in the screen's language. */
        public String name(boolean english) {
            return english ? nameEn : name;
        }
    }
}
