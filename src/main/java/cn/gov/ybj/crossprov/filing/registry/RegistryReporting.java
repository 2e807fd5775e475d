package cn.gov.ybj.crossprov.filing.registry;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
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

    private static final Logger log = LoggerFactory.getLogger(RegistryReporting.class);
    static final String PROCESS_KEY = "national-registry-report";
    static final int BATCH_SIZE = 200;
    /** Bounds one run; a longer backlog is the next run's. */
    static final int MAX_BATCHES_PER_RUN = 50;

    private final RegistryOutbox store;
    private final NationalFilingRegistry registry;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TransactionTemplate ownTransaction;
    private final Duration retryAfterIncident;

    RegistryReporting(RegistryOutbox store, NationalFilingRegistry registry, RuntimeService runtime,
                      ManagementService management, PlatformTransactionManager transactions,
                      @Value("${app.national-registry.retry-after-incident:PT1M}") Duration retryAfterIncident) {
        this.store = store;
        this.registry = registry;
        this.runtime = runtime;
        this.management = management;
        this.retryAfterIncident = retryAfterIncident;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts a reporter case when notices wait and none is running. A case that failed keeps
     * running with its incident, so an outage never piles up cases; once its incident is
     * {@code app.national-registry.retry-after-incident} old (1 minute) it is tried again by
     * itself, so reports resume after an outage of any length without an operator (the incident
     * comes back at once while the registry still fails, and Cockpit shows it).
     */
    @Scheduled(initialDelayString = "${app.national-registry.report-interval:PT1S}",
            fixedDelayString = "${app.national-registry.report-interval:PT1S}")
    public void startIfDue() {
        if (!store.noticesPending()) {
            return;
        }
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
            runtime.startProcessInstanceByKey(PROCESS_KEY);
            return;
        }
        Instant due = Instant.now().minus(retryAfterIncident);
        for (Incident incident : runtime.createIncidentQuery().processDefinitionKeyIn(PROCESS_KEY)
                .incidentType(Incident.FAILED_JOB_HANDLER_TYPE).list()) {
            if (incident.getIncidentTimestamp().toInstant().isBefore(due)) {
                log.info("National registry reporter: trying again {} s after its incident ({} notices pending): {}",
                        retryAfterIncident.toSeconds(), store.pendingNoticeCount(), incident.getIncidentMessage());
                management.setJobRetries(incident.getConfiguration(), 1);
            }
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
