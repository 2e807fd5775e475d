package cn.gov.ybj.crossprov.filing.cancellation;

import java.time.Instant;
import java.util.UUID;

/**
 * A 取消备案 request (004 §2.1.1.2, §2.2.1.2): online by the person (a quick filing waits for the
 * insured area's review, a self-service filing closes at once) or at the counter of the insured
 * area (closes at once).
 *
 * @param reason why the review refused it; shown to the person
 */
public record Cancellation(UUID id, UUID filingId, Via channel, Status status, String requestedBy, Instant requestedAt,
                           String reason, String decidedBy, Instant decidedAt, String processInstanceId) {

    /** Where the request was made. */
    public enum Via {
        ONLINE("线上申请", "Online"), COUNTER("窗口办理", "At the counter");

        private final String label;
        private final String labelEn;

        Via(String label, String labelEn) {
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

    public enum Status {
        PENDING("审核中", "Under review"), APPROVED("已关闭", "Closed"), REFUSED("未通过", "Refused");

        private final String label;
        private final String labelEn;

        Status(String label, String labelEn) {
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

    public boolean pending() {
        return status == Status.PENDING;
    }
}
