package cn.gov.ybj.crossprov.workflow.internal;

import java.util.ArrayList;
import java.util.List;

/** The engine configuration's plugin lists (custom session factories, deployers, history levels) start out null. */
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
}
