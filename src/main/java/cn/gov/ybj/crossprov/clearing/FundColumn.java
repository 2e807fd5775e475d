package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.insured.InsuranceType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The columns of 附件7-2 (职工医保基金支付明细表) and 附件7-3 (居民医保基金支付明细表), in the seed's order, and
 * which fund codes of the settlements (the policies' {@code FundRule.code}) each collects. A code no column
 * names goes to 其他 (备注 8 / 4: 其他归集非以上项目医疗费). The same columns head 附件7-4 and 7-5.
 * <p>
 * 个人账户 stays 0: the settlements do not pay from the personal account yet (docs/settlement.md, open
 * points). 职工 大额医疗费用补助 and 职工大病保险 are 大病补充医疗保险 (备注 3: 超过基本医疗保险基金最高支付限额以上).
 */
public enum FundColumn {
    POOLING(InsuranceType.EMPLOYEE, "统筹基金", "pooling fund", "POOLING"),
    PERSONAL_ACCOUNT(InsuranceType.EMPLOYEE, "个人账户", "personal account", "PERSONAL_ACCOUNT"),
    SUPPLEMENTARY_CRITICAL(InsuranceType.EMPLOYEE, "大病补充医疗保险", "critical illness supplementary insurance",
            "LARGE_AMOUNT", "SERIOUS_ILLNESS"),
    SUPPLEMENTARY(InsuranceType.EMPLOYEE, "补充医疗保险", "supplementary insurance", "SUPPLEMENTARY"),
    CIVIL_SERVANT(InsuranceType.EMPLOYEE, "公务员医疗补助", "civil servants' medical subsidy", "CIVIL_SERVANT"),
    DISABLED_SERVICEMEN(InsuranceType.EMPLOYEE, "伤残人员医疗保障", "disabled servicemen's medical security",
            "DISABLED_SERVICEMEN"),
    EMPLOYEE_MEDICAL_AID(InsuranceType.EMPLOYEE, "民政救助", "medical aid", "MEDICAL_AID"),
    EMPLOYEE_OTHER(InsuranceType.EMPLOYEE, "其他", "other"),
    BASIC(InsuranceType.RESIDENT, "基本医疗保险", "basic medical insurance", "POOLING"),
    SERIOUS_ILLNESS(InsuranceType.RESIDENT, "城乡居民大病保险", "residents' serious illness insurance",
            "SERIOUS_ILLNESS", "LARGE_AMOUNT"),
    RESIDENT_MEDICAL_AID(InsuranceType.RESIDENT, "民政救助", "medical aid", "MEDICAL_AID"),
    RESIDENT_OTHER(InsuranceType.RESIDENT, "其他", "other");

    private final InsuranceType insuranceType;
    private final String label;
    private final String labelEn;
    private final Set<String> fundCodes;

    FundColumn(InsuranceType insuranceType, String label, String labelEn, String... fundCodes) {
        this.insuranceType = insuranceType;
        this.label = label;
        this.labelEn = labelEn;
        this.fundCodes = Set.of(fundCodes);
    }

    public InsuranceType insuranceType() {
        return insuranceType;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The columns of the table of that 险种, in the seed's order (合计 not included). */
    public static List<FundColumn> of(InsuranceType type) {
        return Arrays.stream(values()).filter(c -> c.insuranceType == type).toList();
    }

    /** The column a fund code of a settlement of that 险种 falls into; 其他 when none names it. */
    public static FundColumn forFund(InsuranceType type, String fundCode) {
        InsuranceType table = type.policyType(); // 城镇居民 and 新农合 pay from the resident funds
        for (FundColumn c : values()) {
            if (c.insuranceType == table && c.fundCodes.contains(fundCode)) {
                return c;
            }
        }
        return table == InsuranceType.EMPLOYEE ? EMPLOYEE_OTHER : RESIDENT_OTHER;
    }
}
