package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.workflow.TaskTypes;
import org.springframework.stereotype.Component;

import java.util.List;

/** The four clerk steps of a transfer case, for the inbox's type filter. */
@Component
class TransferTaskTypes implements TaskTypes {

    @Override
    public List<TaskType> taskTypes() {
        return TransferCases.TASKS.stream().map(key -> new TaskType(key, "task." + key)).toList();
    }
}
