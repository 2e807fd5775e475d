package cn.gov.ybj.crossprov.filing.registry;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * 上报国家备案库 (003 第五条(五), 第九条, 第十条). Every reportable event of every filing process
 * enters the outbox ({@code app.registry_outbox}) in the transaction that records it; one reporter
 * case of {@code bpmn/national-registry-report.bpmn} sends what is pending in batches, oldest
 * first. Its step is asynchronous with retries: while the registry is down, that one case holds
 * the incident in Cockpit (one per outage, not one per filing), nothing is lost, and a retry
 * sends everything pending. One engine job per case instead doubled the CPU cost of a filing
 * (measured). A {@link JavaDelegate} (not a method expression), so the incident shows the
 * message itself, not an expression error around it.
 */
@Component("registryReporting")
public class RegistryReporting implements JavaDelegate {

    static final String PROCESS_KEY = "national-registry-report";
    static final int BATCH_SIZE = 200;
    /** Bounds one run; a longer backlog is the next run's. */
    static final int MAX_BATCHES_PER_RUN = 50;

    private final RegistryOutbox store;
    private final NationalFilingRegistry registry;
    private final RuntimeService runtime;
    private final TransactionTemplate ownTransaction;

    RegistryReporting(RegistryOutbox store, NationalFilingRegistry registry, RuntimeService runtime,
                      PlatformTransactionManager transactions) {
        this.store = store;
        this.registry = registry;
        this.runtime = runtime;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts a reporter case when notices wait and none is running. A case that failed keeps
     * running with its incident until a retry succeeds, so an outage never piles up cases.
     */
    @Scheduled(initialDelayString = "${app.national-registry.report-interval:PT1S}",
            fixedDelayString = "${app.national-registry.report-interval:PT1S}")
    public void startIfDue() {
        if (store.noticesPending() && runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            runtime.startProcessInstanceByKey(PROCESS_KEY);
        }
    }

    /**
     * 批量上报: sends batches until nothing is pending; each acknowledged batch is recorded at
     * once, so a failure later in the run does not send it again.
     */
    @Override
    public void execute(DelegateExecution execution) {
        if (!store.tryLockReporter()) {
            return; // another node's reporter is sending right now; it sends everything pending
        }
        int sent = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            List<NationalFilingRegistry.Notice> batch = store.pendingNotices(BATCH_SIZE);
            if (batch.isEmpty()) {
                break;
            }
            List<String> receipts;
            try {
                receipts = registry.report(batch);
            } catch (RuntimeException e) {
                throw new IllegalStateException("国家备案库未能接收上报，" + store.pendingNoticeCount()
                        + " 条待上报，将重试 / The national filing registry did not take the notices: " + e.getMessage(), e);
            }
            List<Long> ids = batch.stream().map(NationalFilingRegistry.Notice::eventId).toList();
            ownTransaction.executeWithoutResult(s -> store.recordReceipts(ids, receipts));
            sent += batch.size();
        }
        execution.setVariable("noticesReported", sent);
    }
}
