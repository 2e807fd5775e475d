package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.RegionCode;

import java.util.ArrayList;
import java.util.List;

/**
 * Whose policy: the insured pooling area (参保地, the area whose 起付标准, 比例 and 限额 apply —
 * 003 第二十六条), the insurance type (险种) and the person type (人员类别) as the registry records
 * them, merged ({@link InsuranceType#policyType()}). A key has versions by effective date ({@link PolicyVersion}).
 */
public record PolicyKey(RegionCode insuredArea, InsuranceType insuranceType, PersonType personType) {

    public PolicyKey {
        List<PolicyProblem> problems = new ArrayList<>();
        if (insuredArea == null) {
            problems.add(new PolicyProblem("缺少参保地", "The insured area is missing"));
        }
        if (insuranceType == null) {
            problems.add(new PolicyProblem("缺少险种", "The insurance type is missing"));
        } else if (insuranceType != insuranceType.policyType()) {
            // 城镇居民 and 新农合 are settled by the policy of 城乡居民, into which they merged
            problems.add(new PolicyProblem("政策的险种须为城镇职工或城乡居民（城镇居民、新农合按城乡居民政策结算）",
                    "A policy's insurance type is employee or resident insurance (urban resident insurance and the "
                            + "new rural cooperative medical scheme settle by the resident policy)"));
        }
        if (personType == null) {
            problems.add(new PolicyProblem("缺少人员类别", "The person type is missing"));
        }
        PolicyValidation.requireValid(problems);
    }

    public static PolicyKey of(String insuredArea, InsuranceType insuranceType, PersonType personType) {
        return new PolicyKey(RegionCode.of(insuredArea), insuranceType, personType);
    }

    /** e.g. {@code 610403 城镇职工 在职} */
    @Override
    public String toString() {
        return insuredArea + " " + insuranceType.label() + " " + personType.label();
    }
}
