package cn.gov.ybj.crossprov.insured;

/** Whether a person may file in an insured area; the messages explain a refusal (Chinese, English). */
public record Eligibility(boolean allowed, String messageZh, String messageEn) {

    static Eligibility ok() {
        return new Eligibility(true, "可以办理异地就医备案", "A cross-province filing is possible");
    }

    /** Refused: the registry does not know the person. */
    public static Eligibility notFound() {
        return refused(InsuranceRegistry.NOT_FOUND_ZH, InsuranceRegistry.NOT_FOUND_EN);
    }

    static Eligibility refused(String messageZh, String messageEn) {
        return new Eligibility(false, messageZh, messageEn);
    }
}
