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
 * Every path of {@code bpmn/filing.bpmn} with the real review-mode DMN table; the service
 * steps are recorded by a stand-in so the test sees which ran in which order.
 */
@Deployment(resources = {"bpmn/filing.bpmn", "bpmn/filing-review-mode.dmn", "forms/filing-review.form"})
class FilingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    /**
     * Records the steps; eligibility is a switch. There is no {@code reportToRegistry}: the process
     * does not report to the national registry (its events go out through app.filing_event).
     */
    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        boolean eligible = true;
        final Date reviewDue = Date.from(Instant.parse("2026-12-01T15:59:59Z"));

        public void checkEligibility(DelegateExecution e) {
            calls.add("check");
            e.setVariable("eligible", eligible);
            e.setVariable("ineligibleReason", eligible ? null : "参保状态为暂停参保");
        }

        public void open(DelegateExecution e) {
            calls.add("open");
        }

        public void fail(DelegateExecution e) {
            calls.add("fail");
        }

        public void startReview(DelegateExecution e) {
            calls.add("startReview");
            e.setVariable("reviewDue", reviewDue);
        }

        public void returnFiling(DelegateExecution e) {
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
        Mocks.register("filingSteps", steps);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start(String areaMode, String filingType, boolean materials, boolean commitment) {
        Map<String, Object> v = new HashMap<>();
        v.put("filingId", "f-1");
        v.put("insuredAreaCode", "110105");
        v.put("reviewGroup", "area-110105");
        v.put("channel", "NATIONAL_APP_QUICK");
        v.put("areaFilingMode", areaMode);
        v.put("filingType", filingType);
        v.put("materialsGiven", materials);
        v.put("commitmentGiven", commitment);
        return runtimeService().startProcessInstanceByKey("filing", "B20261130000001", v);
    }

    @Test
    void selfServiceAreaOpensAtOnce() {
        ProcessInstance pi = start("SELF_SERVICE", "RETIRED_RESETTLED", true, false);

        // opened and ended in the starting transaction: no job is left behind
        assertThat(pi).isEnded()
                .hasPassed("Task_CheckEligibility", "Task_DecideReviewMode", "Task_OpenFiling", "EndEvent_FilingOpened")
                .hasNotPassed("Task_StartReview", "Task_FailFiling")
                .variables().containsEntry("reviewMode", "AUTO");
        assertThat(steps.calls).containsExactly("check", "open");
    }

    @Test
    void quickAreaGoesToTheAreaClerksDueInTwoWorkingDaysAndApprovalOpens() throws Exception {
        ProcessInstance pi = start("QUICK", "RETIRED_RESETTLED", true, false);

        assertThat(pi).isWaitingAt("Task_ReviewFiling");
        assertThat(task()).hasCandidateGroup("area-110105").hasDueDate(steps.reviewDue);
        // the clerk's form is the one in forms/, deployed with the process
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"filing-review\"");
        }
        complete(task(), Map.of("decision", "APPROVE", "reviewer", "clerks:cy-reviewer"));

        assertThat(pi).isEnded().hasPassed("Gateway_Approved", "Task_OpenFiling", "EndEvent_FilingOpened")
                .hasNotPassed("Task_EscalateReview", "Task_ReturnFiling");
        assertThat(steps.calls).containsExactly("check", "startReview", "open");
    }

    @Test
    void returnedFilingIsCorrectedResubmittedAndApprovedInTheSameCase() {
        ProcessInstance pi = start("QUICK", "LONG_TERM_RESIDENT", true, false);
        assertThat(pi).isWaitingAt("Task_ReviewFiling");
        complete(task(), Map.of("decision", "RETURN", "returnReason", "居住证明不清晰"));
        // the case waits only for the applicant's resubmission
        assertThat(pi).hasPassed("Task_ReturnFiling").isWaitingAtExactly("Event_FilingResubmitted");
        runtimeService().createMessageCorrelation("FilingResubmitted").processInstanceId(pi.getId()).correlate();

        assertThat(pi).isWaitingAtExactly("Task_ReviewFiling");
        complete(task(), Map.of("decision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("EndEvent_FilingOpened");
        assertThat(steps.calls).containsExactly("check", "startReview", "return:居住证明不清晰",
                "check", "startReview", "open");
    }

    @Test
    void overdueReviewEscalatesToTheSupervisorAndStaysOpen() {
        ProcessInstance pi = start("QUICK", "REFERRAL", true, false);
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(steps.reviewDue);

        ClockUtil.setCurrentTime(Date.from(steps.reviewDue.toInstant().plus(1, ChronoUnit.MINUTES)));
        execute(timer);

        assertThat(pi).hasPassed("Task_EscalateReview", "EndEvent_ReviewEscalated").isWaitingAt("Task_ReviewFiling");
        assertThat(steps.calls).containsExactly("check", "startReview", "escalate");
    }

    @Test
    void ineligiblePersonFailsAndTheCaseEnds() {
        steps.eligible = false;
        ProcessInstance pi = start("SELF_SERVICE", "OTHER_TEMPORARY", false, false);
        assertThat(pi).isEnded().hasPassed("Task_FailFiling", "EndEvent_FilingFailed")
                .hasNotPassed("Task_DecideReviewMode", "Task_OpenFiling");
        assertThat(steps.calls).containsExactly("check", "fail");
    }
}
