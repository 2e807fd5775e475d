package cn.gov.ybj.crossprov.filing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/** Every path of {@code bpmn/supplemental-materials.bpmn}; the service steps are recorded by stand-ins. */
@Deployment(resources = {"bpmn/supplemental-materials.bpmn", "forms/supplement-review.form"})
class SupplementProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    /** Stands in for supplementSteps; the process no longer reports to the national registry itself. */
    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        final Date reviewDue = Date.from(Instant.parse("2026-12-03T15:59:59Z"));

        public void startReview(DelegateExecution e) {
            calls.add("startReview:" + e.getVariable("requestId"));
            e.setVariable("reviewDue", reviewDue);
        }

        public void approve(DelegateExecution e) {
            calls.add("approve:" + e.getVariable("reviewer"));
        }

        public void returnSupplement(DelegateExecution e) {
            calls.add("return:" + e.getVariable("returnReason"));
        }

        public void escalate(DelegateExecution e) {
            calls.add("escalate");
        }
    }

    RecordingSteps steps;

    @BeforeEach
    void register() {
        steps = new RecordingSteps();
        Mocks.register("supplementSteps", steps);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        Map<String, Object> v = new HashMap<>();
        v.put("filingId", "f-1");
        v.put("requestId", "s-1");
        v.put("reviewGroup", "area-350200");
        return runtimeService().startProcessInstanceByKey("supplemental-materials", "s-1", v);
    }

    @Test
    void reviewGoesToTheAreaClerksDueInTwoWorkingDaysAndApprovalEndsTheCase() throws Exception {
        ProcessInstance pi = start();

        assertThat(pi).hasPassed("Task_StartSupplementReview").isWaitingAt("Task_ReviewSupplement");
        assertThat(task()).hasCandidateGroup("area-350200").hasDueDate(steps.reviewDue).hasName("审核补充材料");
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"supplement-review\"");
        }
        complete(task(), Map.of("decision", "APPROVE", "reviewer", "clerks:xm-reviewer"));

        // approved and ended in the reviewer's transaction: no job is left behind
        assertThat(pi).isEnded().hasPassed("Gateway_SupplementApproved", "Task_ApproveSupplement", "EndEvent_SupplementApproved")
                .hasNotPassed("Task_ReturnSupplement", "Task_EscalateSupplementReview");
        assertThat(steps.calls).containsExactly("startReview:s-1", "approve:clerks:xm-reviewer");
    }

    @Test
    void returnedSupplementEndsTheCaseWithoutApproving() {
        ProcessInstance pi = start();
        complete(task(pi), Map.of("decision", "RETURN", "returnReason", "居住证明已过期"));

        assertThat(pi).isEnded().hasPassed("Task_ReturnSupplement", "EndEvent_SupplementReturned")
                .hasNotPassed("Task_ApproveSupplement", "EndEvent_SupplementApproved");
        assertThat(steps.calls).containsExactly("startReview:s-1", "return:居住证明已过期");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void overdueReviewEscalatesToTheSupervisorAndStaysOpen() {
        ProcessInstance pi = start();
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(steps.reviewDue);

        ClockUtil.setCurrentTime(Date.from(steps.reviewDue.toInstant().plus(1, ChronoUnit.MINUTES)));
        execute(timer);

        assertThat(pi).hasPassed("Task_EscalateSupplementReview", "EndEvent_SupplementReviewEscalated")
                .isWaitingAt("Task_ReviewSupplement");
        assertThat(steps.calls).containsExactly("startReview:s-1", "escalate");
        // the review still decides the case after the escalation
        complete(task(), Map.of("decision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("Task_ApproveSupplement", "EndEvent_SupplementApproved");
        assertThat(steps.calls).containsExactly("startReview:s-1", "escalate", "approve:null");
    }
}
