package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.CaseProgress;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 办件进度 in the applicant's words: every activity the timeline maps is in the process models (a
 * renamed id would silently drop a step), every review task is mapped and has its deadline, and every
 * step has Chinese and English words.
 */
class CaseProgressStepNamesTest {

    static final List<String> REQUEST_PROCESSES = List.of("filing-change", "filing-cancellation",
            "chronic-institution-choice", "supplemental-materials");

    @Test
    void everyMappedActivityExistsAndEveryReviewIsAStep() throws Exception {
        Set<String> ids = new HashSet<>();
        List<UserTask> reviews = new ArrayList<>();
        for (String process : REQUEST_PROCESSES) {
            BpmnModelInstance model = model(process);
            model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
            reviews.addAll(model.getModelElementsByType(UserTask.class));
        }
        assertThat(ids).containsAll(CaseProgressQuery.REQUEST_STEPS.keySet());
        assertThat(reviews).isNotEmpty().allSatisfy(t -> {
            assertThat(CaseProgressQuery.REQUEST_STEPS.get(t.getId())).as(t.getId()).isEqualTo(CaseProgress.Stage.REVIEW);
            assertThat(CaseProgressQuery.REVIEW_TASKS).contains(t.getId());
            assertThat(t.getCamundaDueDate()).as(t.getId()).isEqualTo("${reviewDue}");
        });
        assertThat(model("filing").getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactly("Task_ReviewFiling").allMatch(CaseProgressQuery.REVIEW_TASKS::contains);
    }

    @Test
    void everyStepHasChineseAndEnglishWords() {
        Pattern han = Pattern.compile("\\p{IsHan}");
        assertThat(CaseProgress.Stage.values()).allSatisfy(s -> {
            assertThat(s.label()).containsPattern(han);
            assertThat(s.labelEn()).isNotBlank().doesNotContainPattern(han);
        });
    }

    private BpmnModelInstance model(String process) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/" + process + ".bpmn")) {
            assertThat(in).as(process).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }
}
