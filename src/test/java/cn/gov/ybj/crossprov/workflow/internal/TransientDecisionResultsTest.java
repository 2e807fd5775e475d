package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A business rule task's transient decision result is kept in memory, readable while the task ends, and never stored. */
@SpringBootTest
@ActiveProfiles("test")
class TransientDecisionResultsTest {

    private static final String PROCESS = "transient-decision-result-test";
    private static final String TABLE = "transient-decision-result-test-table";

    @Autowired
    ProcessEngine engine;

    private String deployment;

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void theDecisionResultIsReadableWhileTheTaskEndsWithoutBeingSerialized() {
        deployment = deploy();

        String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();

        Map<String, Object> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance).list().stream()
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
        assertThat(variables).containsOnly(
                Map.entry("answer", 7),
                Map.entry("entryWhileEnding", 7),
                Map.entry("typeWhileEnding", "transientDecisionResult"));
    }

    private String deploy() {
        Deployment deployment = engine.getRepositoryService().createDeployment().name(PROCESS)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
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
                              <rule id="rule"><inputEntry id="any"><text>-</text></inputEntry><outputEntry id="value"><text>7</text></outputEntry></rule>
                            </decisionTable>
                          </decision>
                        </definitions>""".formatted(TABLE))
                .deploy();
        return deployment.getId();
    }
}
