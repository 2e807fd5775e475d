package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.reference.Divisions;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full names of divisions (参保地, the provinces) for the settlements, kept in memory for an hour:
 * an upload needs up to three, at a thousand uploads a second, and they change only when the
 * divisions are re-imported (GB/T 2260, yearly). Bounded by the divisions that are areas or
 * provinces of settlements (a few hundred).
 */
@Component
public class AreaNames {

    private static final Duration KEEP = Duration.ofHours(1);

    private record Entry(String name, long until) {
    }

    private final Divisions divisions;
    private final Map<String, Entry> names = new ConcurrentHashMap<>();

    AreaNames(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The division's full name (福建省厦门市), or null for an unknown code. */
    public String name(String code) {
        long now = System.nanoTime();
        Entry e = names.get(code);
        if (e == null || now - e.until() > 0) {
            e = new Entry(divisions.name(code).orElse(null), now + KEEP.toNanos());
            names.put(code, e);
        }
        return e.name();
    }
}
