package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.clearing.internal.ClearingStore;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.UnsafeText;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The money of a clearing month after its notices (003 第三十六、三十七条): which provinces pay whom
 * (附件7's cells), each province's finance steps with their working-day deadlines, who did them and when,
 * and what a receiving province is still owed — an overdue transfer is what a suspension request
 * (第二十四条) points to. The steps' order is {@code bpmn/clearing-finance.bpmn}'s; this class keeps the
 * records and the rules of a step.
 */
@Service
public class ClearingFinance {

    private static final Logger log = LoggerFactory.getLogger(ClearingFinance.class);

    /** Where the money of a pair stands, as the receiving province sees it. */
    public enum TransferStatus {
        AWAITING_HAND_OVER("付款省待提交财政", "paying province to hand over to finance"),
        AWAITING_TRANSFER("待财政划拨", "awaiting the transfer"),
        TRANSFERRED("已划拨", "transferred"),
        RECEIVED("已到账", "received");

        private final String label;
        private final String labelEn;

        TransferStatus(String label, String labelEn) {
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

    /** A step of a province: open ({@code doneAt} null) or done; {@code late} past its deadline. */
    public record StepState(FinanceStep step, Instant openedAt, Instant due, String doneBy, Instant doneAt, String note,
                            Instant escalatedAt, boolean late) {
    }

    /**
     * What {@code payer} pays {@code receiver} this month (附件7's cell) and where it stands; {@code due} is the
     * deadline of the payer's open step (hand-over or transfer), {@code overdue} when that has passed.
     */
    public record TransferState(YearMonth month, String payer, String payerName, String receiver, String receiverName, Money amount,
                                TransferStatus status, Instant due, Instant transferredAt, Instant receivedAt, boolean overdue) {
    }

    /** A step with its province's name, a row of the officers' screen. */
    public record StepRow(String provinceName, StepState step) {
    }

    /** A province's money of the month: what it pays and receives, its steps, its pairs both ways. */
    public record ProvinceFinance(String province, String name, Money payable, Money receivable, List<StepState> steps,
                                  List<TransferState> outgoing, List<TransferState> incoming) {
    }

    private final ClearingMonthRepository months;
    private final ClearingStore store;
    private final WorkingDays workingDays;
    private final FinanceTerms terms;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    ClearingFinance(ClearingMonthRepository months, ClearingStore store, WorkingDays workingDays, FinanceTerms terms,
                    PlatformTransactionManager transactions) {
        this.months = months;
        this.store = store;
        this.workingDays = workingDays;
        this.terms = terms;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /**
     * What each province pays each other in the month as confirmed: 附件7's non-zero cells (the rows receive,
     * the columns pay); empty until every province has confirmed ({@link ClearingMonthConfirmed}).
     */
    public List<PairAmount> pairAmounts(YearMonth month) {
        return readTx.execute(status -> months.findByMonth(month.atDay(1)).filter(m -> m.getStatus() != ClearingStatus.CONFIRMING)
                .map(m -> pairs(month)).orElse(List.of()));
    }

    List<PairAmount> pairs(YearMonth month) {
        List<PairAmount> pairs = new ArrayList<>();
        for (ClearingStore.Sum s : store.matrix(month.atDay(1), null)) {
            if (s.row() != null && s.column() != null && !s.amount().isZero() && !s.amount().isNegative()) {
                pairs.add(new PairAmount(s.column(), s.row(), s.amount()));
            }
        }
        return pairs;
    }

    /**
     * What {@code payer} owes {@code receiver} from clearing months whose transfer is past its deadline and
     * not done (第二十四条: the receiving province may ask for a suspension); a null province: any. Months not
     * yet settled only.
     */
    public List<TransferState> overdueTransfers(String payer, String receiver) {
        return readTx.execute(status -> months.findByStatus(ClearingStatus.NOTICES_PUBLISHED).stream()
                .flatMap(m -> pairs(m.month()).stream().filter(p -> (payer == null || p.payer().equals(payer))
                                && (receiver == null || p.receiver().equals(receiver)))
                        .map(p -> transfer(m, p, now())))
                .filter(TransferState::overdue).toList());
    }

    /** The step opens now with its deadline, {@link FinanceTerms} working days on; answers the deadline. */
    Instant open(YearMonth month, String province, FinanceStep step) {
        return tx.execute(status -> {
            ClearingMonth m = lock(month);
            Instant now = now();
            Instant due = workingDays.deadline(now, terms.days(step)).toInstant();
            m.financeStepOpened(province, step, now, due);
            return m.financeStep(province, step).orElseThrow().getDue();
        });
    }

    /**
     * The officer records the province's step as done, with an optional note (≤ 200 characters: a
     * voucher number, the date of arrival). Confirming receipt needs every paying province's transfer.
     *
     * @return for a transfer, the receiving provinces whose every payer has now transferred
     */
    Set<String> done(AppUser officer, YearMonth month, String province, FinanceStep step, String note) {
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new BusinessRuleException("备注不超过 200 字", "The note is at most 200 characters");
        }
        if (text != null) {
            int unsafe = UnsafeText.firstUnsafe(text, false);
            if (unsafe >= 0) {
                throw new BusinessRuleException("备注含有不允许的字符（" + UnsafeText.codePoint(text.charAt(unsafe)) + "）",
                        "The note contains a character that is not allowed (" + UnsafeText.codePoint(text.charAt(unsafe)) + ")");
            }
        }
        return tx.execute(status -> {
            ClearingMonth m = lock(month);
            List<PairAmount> pairs = pairs(month);
            if (step == FinanceStep.RECEIPT && !allTransferred(m, pairs, province)) {
                throw new BusinessRuleException("尚有付款省未划拨清算资金，不能确认全部到账",
                        "Some paying provinces have not transferred yet: not everything can have arrived");
            }
            m.financeStepDone(province, step, officer.account(), text == null || text.isEmpty() ? null : text, now());
            log.info("Clearing {}: {} {} done by {}", month, province, step, officer.account());
            Set<String> complete = new TreeSet<>();
            if (step == FinanceStep.TRANSFER) {
                pairs.stream().filter(p -> p.payer().equals(province)).map(PairAmount::receiver)
                        .filter(r -> allTransferred(m, pairs, r)).forEach(complete::add);
            }
            return complete;
        });
    }

    /** Whether every province paying {@code province} this month has transferred. */
    boolean incomingTransferred(YearMonth month, String province) {
        return tx.execute(status -> allTransferred(lock(month), pairs(month), province));
    }

    void escalated(YearMonth month, String province, FinanceStep step) {
        tx.executeWithoutResult(status -> lock(month).financeStepEscalated(province, step, now()));
        log.warn("Clearing {}: {} of {} is overdue, escalated to the national centre", month, step, province);
    }

    /** 清算完成: every province has settled with its pooling areas (the month's case, at its end). */
    void settled(YearMonth month) {
        tx.executeWithoutResult(status -> lock(month).settled(now()));
        log.info("Clearing {}: settled", month);
    }

    /**
     * The month's money as the officer may see it: the centre every province that pays or receives, a
     * province its own (its pairs name the other provinces). Empty before the notices.
     */
    public List<ProvinceFinance> state(AppUser officer, YearMonth month) {
        if (officer == null || !officer.hasRole(Roles.OFFICER) || officer.unitCode() == null) {
            throw new AccessDeniedException("清算资金仅限省级及部级经办机构查看 / clearing funds are for provincial and national officers");
        }
        if (month == null) {
            throw new BusinessRuleException("请指定清算所属月份", "Name the clearing month");
        }
        String own = officer.isNationalCentre() ? null : officer.unitCode();
        return readTx.execute(status -> months.findByMonth(month.atDay(1))
                .filter(m -> m.getNoticesPublishedAt() != null)
                .map(m -> state(m, pairs(month), own)).orElse(List.of()));
    }

    private List<ProvinceFinance> state(ClearingMonth m, List<PairAmount> pairs, String own) {
        Instant now = now();
        Set<String> involved = new TreeSet<>();
        pairs.forEach(p -> {
            involved.add(p.payer());
            involved.add(p.receiver());
        });
        List<ProvinceFinance> list = new ArrayList<>();
        for (String province : involved) {
            if (own != null && !own.equals(province)) {
                continue;
            }
            List<StepState> steps = m.getFinanceSteps().stream().filter(s -> s.getProvince().equals(province))
                    .map(s -> new StepState(s.getStep(), s.getOpenedAt(), s.getDue(), s.getDoneBy(), s.getDoneAt(), s.getNote(),
                            s.getEscalatedAt(), s.isLate(now))).toList();
            List<TransferState> outgoing = pairs.stream().filter(p -> p.payer().equals(province)).map(p -> transfer(m, p, now)).toList();
            List<TransferState> incoming = pairs.stream().filter(p -> p.receiver().equals(province)).map(p -> transfer(m, p, now)).toList();
            list.add(new ProvinceFinance(province, name(m, province), sum(outgoing), sum(incoming), steps, outgoing, incoming));
        }
        return list;
    }

    private TransferState transfer(ClearingMonth m, PairAmount p, Instant now) {
        Optional<ProvinceFinanceStep> handOver = m.financeStep(p.payer(), FinanceStep.HAND_OVER);
        Optional<ProvinceFinanceStep> transfer = m.financeStep(p.payer(), FinanceStep.TRANSFER);
        Optional<ProvinceFinanceStep> receipt = m.financeStep(p.receiver(), FinanceStep.RECEIPT).filter(ProvinceFinanceStep::isDone);
        Instant transferredAt = transfer.map(ProvinceFinanceStep::getDoneAt).orElse(null);
        TransferStatus status;
        Optional<ProvinceFinanceStep> pending;
        if (receipt.isPresent()) {
            status = TransferStatus.RECEIVED;
            pending = Optional.empty();
        } else if (transferredAt != null) {
            status = TransferStatus.TRANSFERRED;
            pending = Optional.empty();
        } else if (transfer.isPresent()) {
            status = TransferStatus.AWAITING_TRANSFER;
            pending = transfer;
        } else {
            status = TransferStatus.AWAITING_HAND_OVER;
            pending = handOver;
        }
        return new TransferState(m.month(), p.payer(), name(m, p.payer()), p.receiver(), name(m, p.receiver()), p.amount(), status,
                pending.map(ProvinceFinanceStep::getDue).orElse(null), transferredAt,
                receipt.map(ProvinceFinanceStep::getDoneAt).orElse(null), pending.map(s -> s.isLate(now)).orElse(false));
    }

    private static boolean allTransferred(ClearingMonth m, List<PairAmount> pairs, String receiver) {
        return pairs.stream().filter(p -> p.receiver().equals(receiver))
                .allMatch(p -> m.financeStep(p.payer(), FinanceStep.TRANSFER).map(ProvinceFinanceStep::isDone).orElse(false));
    }

    private static Money sum(List<TransferState> transfers) {
        Money total = Money.ZERO;
        for (TransferState t : transfers) {
            total = total.plus(t.amount());
        }
        return total;
    }

    private static String name(ClearingMonth m, String province) {
        return m.province(province).map(ProvinceConfirmation::getName).orElse(province);
    }

    private ClearingMonth lock(YearMonth month) {
        return months.lockByMonth(month.atDay(1)).orElseThrow(() -> new BusinessRuleException(
                month + " 的清算表尚未生成", "The clearing tables of " + month + " have not been generated"));
    }

    /** the engine's clock, so that tests moving it move the deadlines too */
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
