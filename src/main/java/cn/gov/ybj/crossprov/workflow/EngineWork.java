package cn.gov.ybj.crossprov.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;

/** Small helpers for modules whose cases the engine works on alongside their officers. */
public final class EngineWork {

    private EngineWork() {
    }

    /**
     * One transaction, run again (up to three times) when it clashed with the engine's own work on the
     * same case — a deadline timer firing while the officer answers (Camunda's
     * {@link OptimisticLockingException}): the officer's answer is not lost to a 500.
     */
    public static <T> T retryingOnConflict(TransactionTemplate tx, TransactionCallback<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(work);
            } catch (OptimisticLockingException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * A late step's open task (its {@code taskDefinitionKey} in the case) is offered to {@code group} too — the
     * centre that supervises (督办) — and put first in its lists ({@code priority}); it stays the province's.
     */
    public static void escalate(TaskService tasks, String processInstanceId, String taskDefinitionKey, String group, int priority) {
        for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).list()) {
            tasks.addCandidateGroup(t.getId(), group);
            tasks.setPriority(t.getId(), priority);
        }
    }

    /** The process variable a step's deadline is kept in: {@code HAND_OVER} → {@code handOverDue}. */
    public static String dueVariable(Enum<?> step) {
        String[] words = step.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.append("Due").toString();
    }
}
