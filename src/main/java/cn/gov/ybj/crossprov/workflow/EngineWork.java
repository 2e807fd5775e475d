package cn.gov.ybj.crossprov.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
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
