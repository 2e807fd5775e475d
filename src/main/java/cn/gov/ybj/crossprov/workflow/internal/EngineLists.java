package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * For the engine plugins: the configuration's plugin lists (custom session factories, deployers, history levels) start
 * out null, and a custom session factory is an interface of two methods.
 */
final class EngineLists {

    private EngineLists() {
    }

    /** A new list of {@code list}'s items (none if null) and {@code added}, for the configuration's setter. */
    @SafeVarargs
    static <T> List<T> with(List<T> list, T... added) {
        List<T> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
        all.addAll(List.of(added));
        return all;
    }

    /** A custom session factory: the engine then opens {@code session} wherever it asks for a {@code type}. */
    static SessionFactory sessionFactory(Class<?> type, Supplier<Session> session) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return session.get();
            }
        };
    }
}
