package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;

/**
 * A refused hospital settlement request, with a machine-readable {@code code} for the hospital's
 * system, the HTTP status the API answers with, and the field at fault for bad input. The API body
 * is {@code {"code", "field", "messageZh", "messageEn"}}.
 */
public class SettlementRefusal extends BusinessRuleException {

    /** 400: malformed or impossible input; {@code field} names it */
    public static final String BAD_INPUT = "BAD_INPUT";
    /** 403: the body's institution is not the one the hospital's token names */
    public static final String INSTITUTION_NOT_YOURS = "INSTITUTION_NOT_YOURS";
    /** 404: no such settlement of this institution */
    public static final String NOT_FOUND = "SETTLEMENT_NOT_FOUND";
    /** 409: the settlement number was used with another body */
    public static final String NUMBER_REUSED = "SETTLEMENT_NO_REUSED";
    /** 422: the institution is not a cross-province networked designated institution */
    public static final String INSTITUTION_NOT_NETWORKED = "INSTITUTION_NOT_NETWORKED";
    /** 422: the person is not in the insurance registry */
    public static final String PERSON_NOT_FOUND = "PERSON_NOT_FOUND";
    /** 422: the person's insurance is not 正常参保 (suspended, terminated) */
    public static final String INSURANCE_NOT_NORMAL = "INSURANCE_NOT_NORMAL";
    /** 422: the paying (insured) province is suspended by the prepayment rules */
    public static final String PAYING_PROVINCE_SUSPENDED = "PAYING_PROVINCE_SUSPENDED";
    /** 422: the institution is in the person's own insured province: not a cross-province settlement */
    public static final String NOT_CROSS_PROVINCE = "NOT_CROSS_PROVINCE";
    /** 422: no opened filing on the discharge date for the institution's area, and not an emergency */
    public static final String NO_VALID_FILING = "NO_VALID_FILING";
    /** 422: no policy of the insured area is in force on the discharge date */
    public static final String NO_POLICY = "NO_POLICY_IN_FORCE";
    /** 422: the settlement is already reversed */
    public static final String ALREADY_REVERSED = "ALREADY_REVERSED";
    /** 422: 明细 come later than 5 days after the discharge (第三十条) */
    public static final String DETAILS_TOO_LATE = "DETAILS_TOO_LATE";

    private final String code;
    private final int status;
    private final String field;

    public SettlementRefusal(int status, String code, String field, String messageZh, String messageEn) {
        super(messageZh, messageEn);
        this.code = code;
        this.status = status;
        this.field = field;
    }

    public static SettlementRefusal rule(String code, String messageZh, String messageEn) {
        return new SettlementRefusal(422, code, null, messageZh, messageEn);
    }

    public static SettlementRefusal badInput(String field, String problemZh, String problemEn) {
        return new SettlementRefusal(400, BAD_INPUT, field, "字段 " + field + " " + problemZh, "Field " + field + " " + problemEn);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The field at fault, for {@link #BAD_INPUT}; otherwise null. */
    public String field() {
        return field;
    }
}
