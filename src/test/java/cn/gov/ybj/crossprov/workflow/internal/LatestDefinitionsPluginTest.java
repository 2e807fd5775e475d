package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The latest version of a process and of a decision table, kept for a few seconds, is never older than this node's last deployment. */
@SpringBootTest
@ActiveProfiles("test")
class LatestDefinitionsPluginTest {

    private static final String PROCESS = "latest-definition-test";
    private static final String TABLE = "latest-definition-test-table";

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

    /** Starts the process by its key; its business rule task calls the table by key (binding "latest"). */
    private String startAndAnswer() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
        int version = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
        Object answer = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("answer").singleResult().getValue();
        return "version " + version + " answers " + answer;
    }

    private void deploy(int answer) {
        Deployment deployment = engine.getRepositoryService().createDeployment().name(PROCESS)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .businessRuleTask().camundaDecisionRef(TABLE).camundaResultVariable("answer")
                        .camundaMapDecisionResult("singleEntry")
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
