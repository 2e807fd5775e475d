package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.settlement.internal.ReconciliationStore;
import cn.gov.ybj.crossprov.shared.Money;
import org.springframework.stereotype.Service;

import java.time.YearMonth;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What monthly clearing takes from the settlements: the <b>settled</b> settlements of a discharge
 * month, summed in SQL by 参保地 × 就医地 × 险种 and split by whether they are <b>reconciled</b> — the
 * hospital's ledger line for the settlement (its discharge day) agrees in status and amounts, i.e.
 * the medical area confirmed it with the hospital (003 第三十一条) — which is what the national centre
 * clears (第三十四条). Reversed settlements are left out. The groups are sums, a few per pair of areas,
 * never the settlements themselves: the month stays in the database.
 */
@Service
public class ReconciledSettlements {

    private final ReconciliationStore store;

    ReconciledSettlements(ReconciliationStore store) {
        this.store = store;
    }

    /**
     * One group of a month's settled settlements.
     *
     * @param settlements how many settlements
     * @param fundsTotal  the sum of their 基金支付合计 (what the insured area's funds pay: the amount cleared)
     * @param funds       the same money per fund code of the settlements' {@code funds} (POOLING, LARGE_AMOUNT …),
     *                    summed; it adds up to {@code fundsTotal} for settlements the upload API stored
     */
    public record Group(String insuredArea, String insuredProvince, String medicalArea, String medicalProvince,
                        InsuranceType insuranceType, boolean reconciled, long settlements, Money fundsTotal,
                        Map<String, Money> funds) {
    }

    /**
     * Hands each group of the discharge month to {@code each}, in no particular order. Call it inside a
     * transaction: the rows are then fetched in batches instead of all at once.
     */
    public void ofMonth(YearMonth month, Consumer<Group> each) {
        store.monthGroups(month.atDay(1), each);
    }
}
