package cn.gov.ybj.crossprov.clearing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * Each finance step's term in working days from when it opens (003 第三十六、三十七条): hand-over 5,
 * transfer 10, written feedback 5, distribution to the pooling areas 5. The seed names no term for the
 * province's report to the centre and for confirming receipt: settings, 5 by default
 * ({@code app.clearing.finance.*-days}).
 */
@Component
public class FinanceTerms {

    private final Map<FinanceStep, Integer> days = new EnumMap<>(FinanceStep.class);

    FinanceTerms(@Value("${app.clearing.finance.hand-over-days:5}") int handOver,
                 @Value("${app.clearing.finance.transfer-days:10}") int transfer,
                 @Value("${app.clearing.finance.feedback-days:5}") int feedback,
                 @Value("${app.clearing.finance.report-days:5}") int report,
                 @Value("${app.clearing.finance.receipt-days:5}") int receipt,
                 @Value("${app.clearing.finance.settle-areas-days:5}") int settleAreas) {
        days.put(FinanceStep.HAND_OVER, handOver);
        days.put(FinanceStep.TRANSFER, transfer);
        days.put(FinanceStep.FEEDBACK, feedback);
        days.put(FinanceStep.REPORT, report);
        days.put(FinanceStep.RECEIPT, receipt);
        days.put(FinanceStep.SETTLE_AREAS, settleAreas);
        days.forEach((step, n) -> {
            if (n < 1 || n > 60) {
                throw new IllegalStateException("app.clearing.finance term of " + step + " must be 1–60 working days: " + n);
            }
        });
    }

    /** working days from the step's opening to its deadline */
    public int days(FinanceStep step) {
        return days.get(step);
    }
}
