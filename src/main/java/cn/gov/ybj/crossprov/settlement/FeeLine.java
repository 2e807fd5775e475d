package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;

/**
 * One big fee category (大类费用, e.g. 西药费, 检查费, 手术费) of a discharge as the medical area sends
 * it (003 第二十七条): the part in the medical area's catalogue ({@code inScope}, 统筹内) and the
 * part the person pays in full ({@code selfPaid}, 自费). Both ≥ 0.
 */
public record FeeLine(String category, Money inScope, Money selfPaid) {

    public FeeLine {
        if (category == null || category.isBlank()) {
            throw new BusinessRuleException("缺少费用类别", "The fee category is missing");
        }
        category = category.strip();
        if (inScope == null || selfPaid == null || inScope.isNegative() || selfPaid.isNegative()) {
            throw new BusinessRuleException("费用金额不能为空或负数：" + category,
                    "Fee amounts cannot be missing or negative: " + category);
        }
    }

    public static FeeLine of(String category, String inScope, String selfPaid) {
        return new FeeLine(category, Money.yuan(inScope), Money.yuan(selfPaid));
    }

    public Money total() {
        return inScope.plus(selfPaid);
    }
}
