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

/**
 * Every path of {@code bpmn/chronic-institution-choice.bpmn}: approve, refuse with the reason, and
 * the overdue review escalating while it stays open. The steps are recorded by a stand-in. The
 * process reports nothing to the national filing registry (004 §3 does not say it hears of it).
 */
@Deployment(resources = {"bpmn/chronic-institution-choice.bpmn", "forms/chronic-choice-review.form"})
class ChronicChoiceProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        final Date reviewDue = Date.from(Instant.parse("2026-12-03T15:59:59Z"));

        public void startReview(DelegateExecution e) {
            calls.add("startReview");
            e.setVariable("reviewDue", reviewDue);
        }

        public void approve(DelegateExecution e) {
            calls.add("approve:" + e.getVariable("reviewer"));
        }

        public void refuse(DelegateExecution e) {
            calls.add("refuse:" + e.getVariable("refuseReason"));
        }

        public void escalate(DelegateExecution e) {
            calls.add("escalate");
        }
    }

    RecordingSteps steps;

    @BeforeEach
    void register() {
        steps = new RecordingSteps();
        Mocks.register("chronicChoiceSteps", steps);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        Map<String, Object> v = new HashMap<>();
        v.put("filingId", "f-1");
        v.put("requestId", "c-1");
        v.put("reviewGroup", "area-350200");
        return runtimeService().startProcessInstanceByKey("chronic-institution-choice", "c-1", v);
    }

    @Test
    void choiceGoesToTheAreaClerksDueInTwoWorkingDaysAndApprovalEndsIt() throws Exception {
        ProcessInstance pi = start();

        assertThat(pi).hasPassed("Task_StartChoiceReview").isWaitingAt("Task_ReviewChoice");
        assertThat(task()).hasCandidateGroup("area-350200").hasDueDate(steps.reviewDue);
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"chronic-choice-review\"");
        }
        complete(task(), Map.of("decision", "APPROVE", "reviewer", "clerks:xm-reviewer"));

        assertThat(pi).isEnded().hasPassed("Gateway_ChoiceApproved", "Task_ApproveChoice", "EndEvent_ChoiceApproved")
                .hasNotPassed("Task_RefuseChoice", "Task_EscalateChoiceReview");
        assertThat(steps.calls).containsExactly("startReview", "approve:clerks:xm-reviewer");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void refusalRecordsTheReasonAndEnds() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Task_ReviewChoice");
        Map<String, Object> v = new HashMap<>();
        v.put("decision", "REFUSE");
        v.put("refuseReason", "该机构不具备该病种诊疗资质");
        complete(task(), v);

        assertThat(pi).isEnded().hasPassed("Task_RefuseChoice", "EndEvent_ChoiceRefused").hasNotPassed("Task_ApproveChoice");
        assertThat(steps.calls).containsExactly("startReview", "refuse:该机构不具备该病种诊疗资质");
    }

    @Test
    void overdueReviewEscalatesToTheSupervisorAndStaysOpenUntilDecided() {
        ProcessInstance pi = start();
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(steps.reviewDue);

        ClockUtil.setCurrentTime(Date.from(steps.reviewDue.toInstant().plus(1, ChronoUnit.MINUTES)));
        execute(timer);

        assertThat(pi).hasPassed("Task_EscalateChoiceReview", "EndEvent_ChoiceReviewEscalated").isWaitingAt("Task_ReviewChoice");
        assertThat(steps.calls).containsExactly("startReview", "escalate");

        complete(task(), Map.of("decision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_ChoiceApproved");
        assertThat(steps.calls).containsExactly("startReview", "escalate", "approve:null");
    }
}
