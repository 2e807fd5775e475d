package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.clearing.ClearingFinance;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.PrepaymentSuspensions;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.shared.UnsafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 第二十四条: 暂停参保地跨省异地就医直接结算. A receiving province whose money from a paying province is
 * overdue — a clearing transfer past its deadline, or a year's prepayment or an emergency top-up whose hand-over or transfer is —
 * asks the centre to suspend the paying province's direct settlement; the centre suspends or refuses,
 * and resumes later. While suspended, the hospital upload refuses the paying province's persons
 * ({@link PrepaymentSuspensions}, by discharge day). Both provinces and the centre see every step.
 *
 * <p>The upload asks for every settlement: the suspensions in force are held in memory and read again
 * at most every 5 seconds (and at once after a change on this node), so another node's decision takes
 * effect within that time.
 */
@Service
public class Suspensions implements PrepaymentSuspensions {

    private static final Logger log = LoggerFactory.getLogger(Suspensions.class);
    private static final long REFRESH_NANOS = 5_000_000_000L;

    /** A suspension as both provinces and the centre see it. */
    public record SuspensionState(String id, String payingProvince, String payingName, String receivingProvince,
                                  String receivingName, Suspension.Cause cause, String reason, Suspension.Status status,
                                  String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                                  String decisionNote, LocalDate suspendedFrom, String resumedBy, Instant resumedAt,
                                  LocalDate resumedFrom) {
    }

    /**
     * Money a paying province owes a receiving one whose hand-over or transfer is past its deadline now: a clearing
     * month's ({@code period} 2025-02), a year's prepayment (2026) or a top-up (2026 紧急调增).
     */
    public record Overdue(Suspension.Cause cause, String period, String payingProvince, String payingName, String receivingProvince,
                          String receivingName, Money amount, Instant due) {
    }

    private record Window(String province, LocalDate from, LocalDate until) {
    }

    private final SuspensionRepository suspensions;
    private final ClearingFinance clearing;
    private final TopUps topUps;
    private final YearFinances finances;
    private final Prepayments prepayments;
    private final TransactionTemplate tx;
    private volatile List<Window> windows;
    private volatile long loadedAt;

    Suspensions(SuspensionRepository suspensions, ClearingFinance clearing, TopUps topUps, YearFinances finances, Prepayments prepayments,
                PlatformTransactionManager transactions) {
        this.suspensions = suspensions;
        this.clearing = clearing;
        this.topUps = topUps;
        this.finances = finances;
        this.prepayments = prepayments;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public boolean suspended(RegionCode insuredProvince, LocalDate dischargeDate) {
        List<Window> w = windows;
        if (w == null || System.nanoTime() - loadedAt > REFRESH_NANOS) {
            w = reload();
        }
        String code = insuredProvince.code();
        for (Window x : w) {
            if (x.province().equals(code) && !dischargeDate.isBefore(x.from()) && (x.until() == null || dischargeDate.isBefore(x.until()))) {
                return true;
            }
        }
        return false;
    }

    private List<Window> reload() {
        List<Window> w = suspensions.findByStatusIn(Set.of(Suspension.Status.SUSPENDED, Suspension.Status.RESUMED)).stream()
                .map(s -> new Window(s.getPayingProvince(), s.getSuspendedFrom(), s.getResumedFrom())).toList();
        windows = w;
        loadedAt = System.nanoTime();
        return w;
    }

    /**
     * The receiving province (its prepayment officers) asks to suspend {@code payingProvince}: refused unless
     * something the paying province owes it is overdue now ({@code cause}); one open request per pair.
     */
    public SuspensionState request(AppUser officer, String payingProvince, Suspension.Cause cause, String reason) {
        if (officer == null || officer.isNationalCentre() || officer.unitCode() == null || !officer.hasRole(Roles.OFFICER)
                || !officer.hasRole(Roles.PREPAYMENT)) {
            throw new AccessDeniedException("暂停申请由就医地省级经办机构预付金岗提出 / a suspension is requested by the receiving province's prepayment officers");
        }
        String payer = payingProvince == null ? "" : payingProvince.strip();
        if (!RegionCode.isValid(payer) || RegionCode.of(payer).level() != RegionCode.Level.PROVINCE || payer.equals(officer.unitCode())) {
            throw new BusinessRuleException("参保地省份应为其他省份的 6 位省级行政区划代码：" + payer,
                    "The paying province must be another province's 6-digit code: " + payer);
        }
        if (cause == null) {
            throw new BusinessRuleException("请选择逾期未到的资金（清算资金、预付金、紧急调增资金）", "Name what is overdue (clearing funds, prepayment, emergency top-up)");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new BusinessRuleException("请填写申请理由（不超过 500 字）", "Give the reason (at most 500 characters)");
        }
        int unsafe = UnsafeText.firstUnsafe(why, true);
        if (unsafe >= 0) {
            throw new BusinessRuleException("申请理由含有不允许的字符（" + UnsafeText.codePoint(why.charAt(unsafe)) + "）",
                    "The reason contains a character that is not allowed (" + UnsafeText.codePoint(why.charAt(unsafe)) + ")");
        }
        String receiver = officer.unitCode();
        boolean overdue = !overdue(cause, payer, receiver).isEmpty();
        if (!overdue) {
            throw new BusinessRuleException(prepayments.name(payer) + "应付本省的" + cause.label() + "没有逾期，不能申请暂停",
                    "Nothing of " + cause.labelEn() + " that " + payer + " owes your province is overdue: no suspension");
        }
        try {
            return tx.execute(status -> {
                Suspension s = suspensions.saveAndFlush(new Suspension(payer, receiver, cause, why, officer.account(), Prepayments.now()));
                log.warn("Suspension of {}'s direct settlement requested by {} ({})", payer, receiver, cause);
                return state(s);
            });
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("本省对" + prepayments.name(payer) + "已有待决定或生效的暂停",
                    "Your province already has an open or effective suspension of " + payer);
        }
    }

    /** The centre suspends (from today) or refuses; empty when there is no such request. */
    public Optional<SuspensionState> decide(AppUser centre, String id, boolean suspend, String note) {
        requireCentre(centre);
        return change(id, s -> s.decided(suspend, note(note), centre.account(), Prepayments.now(), today()));
    }

    /** The centre resumes a suspension (from today). */
    public Optional<SuspensionState> resume(AppUser centre, String id) {
        requireCentre(centre);
        return change(id, s -> s.resumed(centre.account(), Prepayments.now(), today()));
    }

    /** Everything overdue the officer may see (the centre all, a province what it owes or is owed), the oldest deadline first. */
    public List<Overdue> overdue(AppUser officer) {
        String own = Prepayments.requireOfficer(officer);
        List<Overdue> all = new ArrayList<>();
        for (Suspension.Cause c : Suspension.Cause.values()) {
            if (own == null) {
                all.addAll(overdue(c, null, null));
            } else {
                all.addAll(overdue(c, own, null));
                all.addAll(overdue(c, null, own).stream().filter(o -> !o.payingProvince().equals(own)).toList());
            }
        }
        all.sort(java.util.Comparator.comparing(Overdue::due));
        return all;
    }

    /** what is overdue of a kind, between a payer and a receiver (null: any) */
    private List<Overdue> overdue(Suspension.Cause cause, String payer, String receiver) {
        return switch (cause) {
            case CLEARING -> clearing.overdueTransfers(payer, receiver).stream().map(t -> new Overdue(cause, t.month().toString(),
                    t.payer(), t.payerName(), t.receiver(), t.receiverName(), t.amount(), t.due())).toList();
            case TOP_UP -> topUps.overdue(payer, receiver);
            case PREPAYMENT -> finances.overdue(payer, receiver);
        };
    }

    /** Every suspension the officer may see: the centre all, a province those it is part of, newest first. */
    public List<SuspensionState> list(AppUser officer) {
        String own = Prepayments.requireOfficer(officer);
        return suspensions.findAllByOrderByRequestedAtDesc().stream()
                .filter(s -> own == null || own.equals(s.getPayingProvince()) || own.equals(s.getReceivingProvince()))
                .map(this::state).toList();
    }

    private Optional<SuspensionState> change(String id, java.util.function.Consumer<Suspension> change) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        Optional<SuspensionState> answer = tx.execute(status -> suspensions.lock(uuid).map(s -> {
            change.accept(s);
            log.warn("Suspension {} of {}: {}", s.getId(), s.getPayingProvince(), s.getStatus());
            return state(s);
        }));
        reload();
        return answer;
    }

    private static void requireCentre(AppUser centre) {
        if (centre == null || !centre.isNationalCentre() || !centre.hasRole(Roles.OFFICER) || !centre.hasRole(Roles.PREPAYMENT)) {
            throw new AccessDeniedException("暂停与恢复由部级经办机构决定 / suspensions are decided by the national centre");
        }
    }

    private static String note(String note) {
        String t = note == null ? null : note.strip();
        if (t == null || t.isEmpty()) {
            return null;
        }
        if (t.length() > 500 || UnsafeText.firstUnsafe(t, true) >= 0) {
            throw new BusinessRuleException("意见不超过 500 字，且不含不允许的字符", "The note is at most 500 characters, without disallowed characters");
        }
        return t;
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(Prepayments.now(), ChinaTime.ZONE);
    }

    private SuspensionState state(Suspension s) {
        return new SuspensionState(s.getId().toString(), s.getPayingProvince(), prepayments.name(s.getPayingProvince()),
                s.getReceivingProvince(), prepayments.name(s.getReceivingProvince()), s.getCause(), s.getReason(), s.getStatus(),
                s.getRequestedBy(), s.getRequestedAt(), s.getDecidedBy(), s.getDecidedAt(), s.getDecisionNote(), s.getSuspendedFrom(),
                s.getResumedBy(), s.getResumedAt(), s.getResumedFrom());
    }
}
