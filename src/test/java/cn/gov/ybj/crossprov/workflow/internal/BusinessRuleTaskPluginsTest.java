package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine plugins on a business rule task's path, with a process that calls a one-rule table by key: the latest
 * versions, kept for a few seconds, are never older than this node's last deployment, and a case's history names its
 * process and takes its removal time as the engine would ({@link LatestDefinitionsPlugin});
 * the task's transient decision result is readable while the task ends and never stored ({@link TransientDecisionResults}).
 */
@SpringBootTest
@ActiveProfiles("test")
class BusinessRuleTaskPluginsTest {

    private static final String PROCESS = "business-rule-task-test";
    private static final String TABLE = "business-rule-task-test-table";
    private static final String PROCESS_NAME = "业务规则任务测试";

    @Autowired
    ProcessEngine engine;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void aNewVersionDeployedOnThisNodeIsStartedAndCalledAtOnce() {
        deploy(1);
        assertThat(startAndAnswer()).isEqualTo("version 1 answers 1");
        assertThat(startAndAnswer()).as("kept").isEqualTo("version 1 answers 1");

        deploy(2);
        assertThat(startAndAnswer()).isEqualTo("version 2 answers 2");
    }

    @Test
    void theDecisionResultIsReadableWhileTheTaskEndsAndKeptInMemoryOnly() {
        deploy(7);

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS);

        // no "decisionResult": a transient variable is never stored
        assertThat(variables(instance)).containsOnly(
                Map.entry("answer", 7),
                Map.entry("entryWhileEnding", 7),
                Map.entry("typeWhileEnding", "transientDecisionResult"));
    }

    /**
     * The history of a case started by key names its process from the deployed definition, and its removal time follows
     * a new time to live within the seconds the definition is kept (the engine reads neither from the database then).
     */
    @Test
    void aCaseHistoryNamesItsProcessAndTakesANewTimeToLiveWithinSeconds() throws InterruptedException {
        deploy(5);
        HistoricProcessInstance first = history(engine.getRuntimeService().startProcessInstanceByKey(PROCESS));
        assertThat(first.getProcessDefinitionKey()).isEqualTo(PROCESS);
        assertThat(first.getProcessDefinitionName()).isEqualTo(PROCESS_NAME);
        assertThat(first.getProcessDefinitionVersion()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(first.getId())
                .variableName("answer").singleResult().getProcessDefinitionKey()).isEqualTo(PROCESS);
        assertThat(daysKept(first)).isEqualTo(1);

        engine.getRepositoryService().updateProcessDefinitionHistoryTimeToLive(first.getProcessDefinitionId(), 30);
        long changed = System.nanoTime();
        HistoricProcessInstance later;
        do {
            Thread.sleep(200);
            later = history(engine.getRuntimeService().startProcessInstanceByKey(PROCESS));
        } while (daysKept(later) == 1 && System.nanoTime() - changed < Duration.ofSeconds(15).toNanos());
        assertThat(daysKept(later)).isEqualTo(30);
    }

    private HistoricProcessInstance history(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static long daysKept(HistoricProcessInstance instance) {
        return Duration.between(instance.getStartTime().toInstant(), instance.getRemovalTime().toInstant()).toDays();
    }

    /** Starts the process by its key; its business rule task calls the table by key (binding "latest"). */
    private String startAndAnswer() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
        int version = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
        return "version " + version + " answers " + variables(instance).get("answer");
    }

    private Map<String, Object> variables(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
                .stream().collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    }

    /** The task's end listeners read the transient decision result: its entry, and the serializer that holds it. */
    private void deploy(int answer) {
        Deployment deployment = engine.getRepositoryService().createDeployment().name(PROCESS)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).name(PROCESS_NAME).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .businessRuleTask().camundaDecisionRef(TABLE).camundaResultVariable("answer")
                        .camundaMapDecisionResult("singleEntry")
                        .camundaExecutionListenerExpression("end",
                                "${execution.setVariable('entryWhileEnding', execution.getVariable('decisionResult').getSingleEntry())}")
                        .camundaExecutionListenerExpression("end",
                                "${execution.setVariable('typeWhileEnding', execution.getVariableTyped('decisionResult').getType().getName())}")
                        .endEvent()
                        .done())
                .addString(TABLE + ".dmn", """
                        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
                          <decision id="%s" name="test">
                            <decisionTable id="table">
                              <input id="in"><inputExpression id="expression" typeRef="integer"><text>1</text></inputExpression></input>
                              <output id="out" name="answer" typeRef="integer"/>
                              <rule id="rule"><inputEntry id="any"><text>-</text></inputEntry><outputEntry id="value"><text>%d</text></outputEntry></rule>
                            </decisionTable>
                          </decision>
                        </definitions>""".formatted(TABLE, answer))
                .deploy();
        deployments.add(deployment.getId());
    }
}
