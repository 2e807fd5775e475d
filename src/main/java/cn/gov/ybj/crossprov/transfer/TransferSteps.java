package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.insured.RegistryTransfers;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.workflow.Reviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;

/**
 * The service tasks of {@code bpmn/medical-insurance-transfer.bpmn}, called as
 * {@code ${transferSteps.xxx(execution)}}: each opens a step for the right area's clerks or records
 * what a clerk's decision did, in the transaction of that decision.
 */
@Component("transferSteps")
public class TransferSteps {

    static final String SUBJECT_TYPE = "transfer";
    /** the out-area's one deadline for review and transfer-out, set when its review opens */
    static final String OUT_AREA_DUE = "outAreaDue";

    private final TransferCaseRepository cases;
    private final RegistryTransfers registry;
    private final Reviews reviews;
    private final WorkingDays workingDays;
    private final TransferSettings settings;
    private final JdbcClient jdbc;

    TransferSteps(TransferCaseRepository cases, RegistryTransfers registry, Reviews reviews, WorkingDays workingDays,
                  TransferSettings settings, JdbcClient jdbc) {
        this.cases = cases;
        this.registry = registry;
        this.reviews = reviews;
        this.workingDays = workingDays;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** 转入地前台受理: the in-area's counter checks the person and documents on site. */
    public void startAcceptance(DelegateExecution execution) {
        TransferCase c = transfer(execution);
        reviews.open(execution, subject(c), c.getInAreaCode(), settings.acceptanceDays());
    }

    public void accept(DelegateExecution execution) {
        transfer(execution).accepted(Reviews.reviewer(execution), now());
    }

    /** 转出地审核: review and transfer-out share one deadline, {@code transferOutDays} after acceptance. */
    public void startOutReview(DelegateExecution execution) {
        TransferCase c = transfer(execution);
        Date due = workingDays.due(settings.transferOutDays());
        execution.setVariable(OUT_AREA_DUE, due);
        reviews.open(execution, subject(c), c.getOutAreaCode(), due);
    }

    public void approveOutReview(DelegateExecution execution) {
        transfer(execution).outReviewApproved(now());
    }

    public void startTransferOut(DelegateExecution execution) {
        TransferCase c = transfer(execution);
        reviews.open(execution, subject(c), c.getOutAreaCode(), (Date) execution.getVariable(OUT_AREA_DUE));
    }

    /**
     * 转出: the out-area's open period ends this month, the relation is suspended (or terminated,
     * a setting), the 凭证号 is issued and the account balance leaves the out-area as an amount record.
     */
    public void transferOut(DelegateExecution execution) {
        TransferCase c = transfer(execution);
        RegistryTransfers.TransferOut out = registry.transferOut(c.getPersonIdNumber(), c.getOutAreaCode(),
                YearMonth.now(ChinaTime.ZONE), settings.outStatus());
        long running = jdbc.sql("SELECT nextval('app.transfer_certificate_serial')").query(Long.class).single();
        YearMonth first = out.outPeriods().stream().map(p -> YearMonth.from(p.startMonth())).min(YearMonth::compareTo).orElse(null);
        YearMonth last = out.outPeriods().stream().filter(p -> p.endMonth() != null).map(p -> YearMonth.from(p.endMonth()))
                .max(YearMonth::compareTo).orElse(null);
        c.transferredOut(Reviews.reviewer(execution), c.getOutAreaCode() + "-" + String.format("%06d", running),
                first, last, out.months(), out.balance(), now());
    }

    /** 转入地办理接续: due {@code transferInDays} working days after the transfer-out arrived. */
    public void startTransferIn(DelegateExecution execution) {
        TransferCase c = transfer(execution);
        reviews.open(execution, subject(c), c.getInAreaCode(), settings.transferInDays());
    }

    /**
     * 接续: the relation moves to the in-area (正常参保, a period from this month), months are
     * accumulated without counting a month twice, and the balance is credited once, as it arrived.
     */
    public void transferIn(DelegateExecution execution) {
        TransferCase c = transfer(execution);
        int months = registry.transferIn(c.getPersonIdNumber(), c.getInAreaCode(), c.getInsuranceType(),
                YearMonth.now(ChinaTime.ZONE));
        Money received = c.getBalanceReceived();
        boolean credit = received != null && !received.isZero();
        if (credit) {
            registry.credit(c.getPersonIdNumber(), received);
        }
        c.transferredIn(Reviews.reviewer(execution), months, credit, now());
    }

    /** 不予通过 at any step: the case ends with the reason; the registry is not touched. */
    public void refuse(DelegateExecution execution) {
        transfer(execution).refused(Reviews.reviewer(execution), Reviews.reason(execution, Reviews.Outcome.REFUSE), now());
    }

    /** 逾期升级 of whichever step is overdue, to the supervisors of that step's area. */
    public void escalate(DelegateExecution execution) {
        reviews.escalate(execution, (String) execution.getVariable(Reviews.AREA));
    }

    static Reviews.Subject subject(TransferCase c) {
        return Reviews.Subject.of(SUBJECT_TYPE, c.getId());
    }

    private TransferCase transfer(DelegateExecution execution) {
        UUID id = UUID.fromString((String) execution.getVariable("transferId"));
        return cases.findById(id).orElseThrow(() -> new IllegalStateException("no transfer case " + id));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
