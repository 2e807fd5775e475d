package cn.gov.ybj.crossprov.filing.internal;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** 办件进度 in English: every named step (gateways are not shown) of the filing processes has an English name. */
class CaseProgressStepNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"filing", "filing-change", "filing-cancellation", "chronic-institution-choice", "supplemental-materials"})
    void everyNamedStepHasEnglish(String process) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/" + process + ".bpmn")) {
            assertThat(in).as(process).isNotNull();
            model = Bpmn.readModelFromStream(in);
        }
        Pattern han = Pattern.compile("\\p{IsHan}");
        assertThat(model.getModelElementsByType(FlowNode.class)).filteredOn(n -> n.getName() != null && !n.getName().isBlank() && !(n instanceof Gateway))
                .isNotEmpty()
                .allSatisfy(n -> assertThat(CaseProgressQuery.STEP_NAMES_EN.get(n.getId())).as(n.getId() + " " + n.getName())
                        .isNotBlank().doesNotContainPattern(han));
    }
}
