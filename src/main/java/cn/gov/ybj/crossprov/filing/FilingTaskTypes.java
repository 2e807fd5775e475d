package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.workflow.TaskTypes;
import org.springframework.stereotype.Component;

import java.util.List;

/** The five review tasks of the filing processes, for the clerks' inbox (user task ids in {@code bpmn/}). */
@Component
class FilingTaskTypes implements TaskTypes {

    @Override
    public List<TaskType> taskTypes() {
        return List.of(
                new TaskType("Task_ReviewFiling", "task.Task_ReviewFiling"),                // filing.bpmn
                new TaskType("Task_ReviewChange", "task.Task_ReviewChange"),                // filing-change.bpmn
                new TaskType("Task_ReviewCancellation", "task.Task_ReviewCancellation"),    // filing-cancellation.bpmn
                new TaskType("Task_ReviewSupplement", "task.Task_ReviewSupplement"),        // supplemental-materials.bpmn
                new TaskType("Task_ReviewChoice", "task.Task_ReviewChoice"));               // chronic-institution-choice.bpmn
    }
}
