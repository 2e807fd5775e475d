package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.filing.cancellation.FilingCancellations;
import cn.gov.ybj.crossprov.filing.change.FilingChanges;
import cn.gov.ybj.crossprov.filing.chronic.ChronicChoices;
import cn.gov.ybj.crossprov.filing.internal.FilingCases;
import cn.gov.ybj.crossprov.filing.supplement.Supplements;
import cn.gov.ybj.crossprov.workflow.TaskTypes;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/** The five review tasks of the filing processes, for the clerks' inbox (user task ids in {@code bpmn/}). */
@Component
class FilingTaskTypes implements TaskTypes {

    @Override
    public List<TaskType> taskTypes() {
        return Stream.of(FilingCases.REVIEW_TASK, FilingChanges.REVIEW_TASK, FilingCancellations.REVIEW_TASK,
                        Supplements.REVIEW_TASK, ChronicChoices.REVIEW_TASK)
                .map(key -> new TaskType(key, "task." + key)).toList();
    }
}
