package cn.gov.ybj.crossprov.transfer;

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
 * Every path of {@code bpmn/medical-insurance-transfer.bpmn}: a transfer-out application straight
 * to the out-area, a transfer-in through the in-area counter first, a refusal at each of the four
 * steps, and an overdue step escalating while it stays open. The steps are recorded by a stand-in
 * that hands each step to the area the real one would (out-area 350200, in-area 110105).
 */
@Deployment(resources = {"bpmn/medical-insurance-transfer.bpmn", "forms/transfer-acceptance.form",
        "forms/transfer-out-review.form", "forms/transfer-out.form", "forms/transfer-in.form"})
class TransferProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    public static class RecordingSteps {
        final List<String> calls = new ArrayList<>();
        final Date due = Date.from(Instant.parse("2026-12-11T15:59:59Z"));

        private void open(DelegateExecution e, String call, String area) {
            calls.add(call);
            e.setVariable("reviewGroup", "area-" + area);
            e.setVariable("reviewDue", due);
        }

        public void startAcceptance(DelegateExecution e) {
            open(e, "startAcceptance", "110105");
        }

        public void accept(DelegateExecution e) {
            calls.add("accept:" + e.getVariable("reviewer"));
        }

        public void startOutReview(DelegateExecution e) {
            open(e, "startOutReview", "350200");
        }

        public void approveOutReview(DelegateExecution e) {
            calls.add("approveOutReview");
        }

        public void startTransferOut(DelegateExecution e) {
            open(e, "startTransferOut", "350200");
        }

        public void transferOut(DelegateExecution e) {
            calls.add("transferOut");
        }

        public void startTransferIn(DelegateExecution e) {
            open(e, "startTransferIn", "110105");
        }

        public void transferIn(DelegateExecution e) {
            calls.add("transferIn");
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
        Mocks.register("transferSteps", steps);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start(String direction) {
        return runtimeService().startProcessInstanceByKey("medical-insurance-transfer", "1",
                Map.of("transferId", "t-1", "direction", direction));
    }

    private static void decide(ProcessInstance pi, String decision) {
        complete(task(pi), Map.of("decision", decision, "reviewer", "clerks:someone"));
    }

    private static void refuse(ProcessInstance pi, String reason) {
        complete(task(pi), Map.of("decision", "REFUSE", "refuseReason", reason));
    }

    @Test
    void transferOutApplicationGoesThroughBothAreasToCompletion() throws Exception {
        ProcessInstance pi = start("OUT");

        assertThat(pi).isWaitingAt(TransferCases.OUT_REVIEW_TASK).hasNotPassed("Task_StartAcceptance");
        assertThat(task()).hasCandidateGroup("area-350200").hasDueDate(steps.due);
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"transfer-out-review\"");
        }
        decide(pi, "APPROVE");
        assertThat(pi).isWaitingAt(TransferCases.TRANSFER_OUT_TASK);
        assertThat(task()).hasCandidateGroup("area-350200");
        decide(pi, "APPROVE");
        assertThat(pi).isWaitingAt(TransferCases.TRANSFER_IN_TASK);
        assertThat(task()).hasCandidateGroup("area-110105");
        decide(pi, "APPROVE");

        assertThat(pi).isEnded().hasPassed("Task_RecordTransferOut", "Task_RecordTransferIn", "EndEvent_TransferCompleted")
                .hasNotPassed("Task_RecordRefusal");
        assertThat(steps.calls).containsExactly("startOutReview", "approveOutReview", "startTransferOut", "transferOut",
                "startTransferIn", "transferIn");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void transferInApplicationIsCheckedAtTheInAreaCounterFirst() {
        ProcessInstance pi = start("IN");

        assertThat(pi).isWaitingAt(TransferCases.ACCEPT_TASK);
        assertThat(task()).hasCandidateGroup("area-110105");
        decide(pi, "APPROVE");
        assertThat(pi).hasPassed("Task_RecordAcceptance").isWaitingAt(TransferCases.OUT_REVIEW_TASK);
        decide(pi, "APPROVE");
        decide(pi, "APPROVE");
        decide(pi, "APPROVE");

        assertThat(pi).isEnded().hasPassed("EndEvent_TransferCompleted");
        assertThat(steps.calls).containsExactly("startAcceptance", "accept:clerks:someone", "startOutReview",
                "approveOutReview", "startTransferOut", "transferOut", "startTransferIn", "transferIn");
    }

    @Test
    void refusalAtTheCounterEndsTheCaseBeforeTheOutAreaHearsOfIt() {
        ProcessInstance pi = start("IN");
        refuse(pi, "未携带本人有效身份证件");

        assertThat(pi).isEnded().hasPassed("Task_RecordRefusal", "EndEvent_TransferRefused")
                .hasNotPassed("Task_StartOutReview");
        assertThat(steps.calls).containsExactly("startAcceptance", "refuse:未携带本人有效身份证件");
    }

    @Test
    void refusalAtTheOutAreaReviewEnds() {
        ProcessInstance pi = start("OUT");
        refuse(pi, "存在未处理的医疗费用审核");

        assertThat(pi).isEnded().hasPassed("EndEvent_TransferRefused").hasNotPassed("Task_StartTransferOut");
        assertThat(steps.calls).containsExactly("startOutReview", "refuse:存在未处理的医疗费用审核");
    }

    @Test
    void refusalAtTheTransferOutChangesNothingInTheRegistry() {
        ProcessInstance pi = start("OUT");
        decide(pi, "APPROVE");
        refuse(pi, "参保记录待核实");

        assertThat(pi).isEnded().hasPassed("EndEvent_TransferRefused").hasNotPassed("Task_RecordTransferOut");
        assertThat(steps.calls).containsExactly("startOutReview", "approveOutReview", "startTransferOut", "refuse:参保记录待核实");
    }

    @Test
    void refusalAtTheTransferInEnds() {
        ProcessInstance pi = start("OUT");
        decide(pi, "APPROVE");
        decide(pi, "APPROVE");
        refuse(pi, "信息表与转入申请不一致");

        assertThat(pi).isEnded().hasPassed("Task_RecordTransferOut", "EndEvent_TransferRefused")
                .hasNotPassed("Task_RecordTransferIn");
        assertThat(steps.calls).endsWith("transferOut", "startTransferIn", "refuse:信息表与转入申请不一致");
    }

    @Test
    void anOverdueStepEscalatesAndStaysOpenUntilDecided() {
        ProcessInstance pi = start("OUT");
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(steps.due);

        ClockUtil.setCurrentTime(Date.from(steps.due.toInstant().plus(1, ChronoUnit.MINUTES)));
        execute(timer);

        assertThat(pi).hasPassed("Task_EscalateOutReview", "EndEvent_OutReviewEscalated").isWaitingAt(TransferCases.OUT_REVIEW_TASK);
        assertThat(steps.calls).containsExactly("startOutReview", "escalate");
        decide(pi, "APPROVE");
        assertThat(pi).isWaitingAt(TransferCases.TRANSFER_OUT_TASK);
        // each step has its own timer; the next one is due as its step says
        Job next = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(next.getDuedate()).isEqualTo(steps.due);
    }

    @Test
    void everyStepEscalates() {
        ProcessInstance pi = start("IN");
        for (String step : List.of("Acceptance", "OutReview", "TransferOut", "TransferIn")) {
            Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
            execute(timer);
            assertThat(pi).hasPassed("Task_Escalate" + step);
            decide(pi, "APPROVE");
        }
        assertThat(pi).isEnded().hasPassed("EndEvent_TransferCompleted");
        assertThat(steps.calls.stream().filter("escalate"::equals).count()).isEqualTo(4);
    }
}
