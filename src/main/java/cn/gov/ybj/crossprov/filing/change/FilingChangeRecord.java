package cn.gov.ybj.crossprov.filing.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One 信息变更 request and what became of it; the applied ones are the versions of the filing.
 *
 * @param version       which change of the filing it is once applied: 1, 2, … (null while pending or when refused)
 * @param filingVersion the filing row's version once applied
 * @param reason  why the review refused it
 * @param changes the fields it changes, old → new
 */
public record FilingChangeRecord(UUID id, UUID filingId, Status status, Integer version, Integer filingVersion,
                                 String requestedBy,
                                 Instant requestedAt, String decidedBy, Instant decidedAt, String reason,
                                 List<FieldChange> changes) {

    public enum Status {
        PENDING("待审核"), APPLIED("已生效"), REFUSED("未通过");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** @param field the form key (startDate, endDate, contactName, contactPhone, contactAddress, institutionCode) */
    public record FieldChange(String field, String labelZh, String before, String after) {
    }

    /** e.g. 「联系电话：13800138000 → 13900139000；结束日期：2026-03-31 → 2026-06-30」 */
    public String summary() {
        StringBuilder s = new StringBuilder();
        for (FieldChange c : changes) {
            if (!s.isEmpty()) {
                s.append("；");
            }
            s.append(c.labelZh()).append("：").append(c.before() == null ? "—" : c.before()).append(" → ")
                    .append(c.after() == null ? "—" : c.after());
        }
        return s.toString();
    }
}
