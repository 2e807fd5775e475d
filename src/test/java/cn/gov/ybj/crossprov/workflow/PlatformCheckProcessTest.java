package cn.gov.ybj.crossprov.workflow;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/** Pure engine test (in-memory H2) of the trivial process deployed from bpmn/ and forms/. */
class PlatformCheckProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-unit-test.cfg.xml").build();

    @Test
    @Deployment(resources = {"bpmn/platform-check.bpmn", "forms/platform-check.form"})
    void startsWaitsAtTheUserTaskAndEnds() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("platform-check", "check-1");

        assertThat(instance).isStarted().isWaitingAt("Task_ConfirmPlatform");
        assertThat(task()).hasCandidateGroup("process-admins").hasName("确认平台运行正常");
        // the task form is the one from forms/, deployed with the process
        try (InputStream form = formService().getDeployedTaskForm(task().getId())) {
            Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"key\": \"platformOk\"");
        }

        complete(task(), Map.of("platformOk", true));

        assertThat(instance).hasPassed("Task_ConfirmPlatform").isEnded().hasPassed("EndEvent_PlatformConfirmed");
    }
}
