package cn.gov.ybj.crossprov.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * {@code bpmn/national-registry-report.bpmn}: the reporter case sends asynchronously, and a
 * registry outage leaves it waiting with an incident that a retry resolves. The sending itself
 * (outbox, batches, receipts) is tested on PostgreSQL in {@link FilingIntegrationTest}.
 */
@Deployment(resources = "bpmn/national-registry-report.bpmn")
class NationalRegistryReportProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    /** Counts the sends; the registry's health is a switch. */
    public static class Reporter implements JavaDelegate {
        int sends;
        boolean registryDown;

        @Override
        public void execute(DelegateExecution e) {
            if (registryDown) {
                throw new IllegalStateException("国家备案库未能接收上报，3 条待上报，将重试");
            }
            sends++;
            e.setVariable("noticesReported", 3);
        }
    }

    Reporter reporter;

    @BeforeEach
    void register() {
        reporter = new Reporter();
        Mocks.register("registryReporting", reporter);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void sendsAsynchronouslyAndEnds() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("national-registry-report");
        // the starter's transaction only creates the job: sending never holds up the schedule
        assertThat(pi).isWaitingAt("Task_SendPendingNotices");
        assertThat(reporter.sends).isZero();

        execute(job());

        assertThat(pi).isEnded().hasPassed("EndEvent_NoticesReported").variables().containsEntry("noticesReported", 3);
        assertThat(reporter.sends).isOne();
    }

    @Test
    void registryOutageLeavesAnIncidentAndARetryCompletesTheCase() {
        reporter.registryDown = true;
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("national-registry-report");
        Job send = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                managementService().executeJob(send.getId());
            } catch (RuntimeException expected) {
                // each attempt fails while the registry is down
            }
        }
        assertThat(managementService().createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult())
                .satisfies(i -> {
                    assertThat(i.getActivityId()).isEqualTo("Task_SendPendingNotices");
                    assertThat(i.getIncidentMessage()).startsWith("国家备案库未能接收上报");
                });
        assertThat(pi).isWaitingAt("Task_SendPendingNotices");

        reporter.registryDown = false;
        managementService().setJobRetries(send.getId(), 1);
        execute(send);

        assertThat(pi).isEnded().hasPassed("EndEvent_NoticesReported");
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        assertThat(reporter.sends).isOne();
    }
}
