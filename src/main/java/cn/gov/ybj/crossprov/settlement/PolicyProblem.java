package cn.gov.ybj.crossprov.settlement;

/** One reason a policy is refused, Chinese first, then English; both can be shown as they are. */
public record PolicyProblem(String messageZh, String messageEn) {

    /** The same problem with a context in front, e.g. {@code 基金 POOLING 三级：}. */
    PolicyProblem in(String contextZh, String contextEn) {
        return new PolicyProblem(contextZh + messageZh, contextEn + messageEn);
    }

    @Override
    public String toString() {
        return messageZh + " / " + messageEn;
    }
}
