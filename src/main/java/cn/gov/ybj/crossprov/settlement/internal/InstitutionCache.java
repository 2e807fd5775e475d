package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Institution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The networked institutions the hospital uploads name, kept in memory for a short time
 * ({@code app.settlement.institution-cache}, default one minute): a hospital system sends all its
 * uploads with one institution code, so the lookup ({@link DesignatedInstitutions#find}, one SQL
 * statement per upload) is answered here. Only institutions found are kept — one that is not (yet)
 * networked is looked up again on every upload, so a newly imported one settles at once; one
 * removed from the list, or a changed grade, takes effect within the minute, like a policy saved
 * on another node. Bounded: at most {@value #MAX_ENTRIES} codes, cleared when full.
 *
 * <p>Measured with {@code SettlementUploadBenchmark}: one statement less per upload (see
 * docs/benchmarks.md, settlement upload).
 */
@Component
public class InstitutionCache {

    static final int MAX_ENTRIES = 50_000;

    private record Entry(Institution institution, long until) {
    }

    private final DesignatedInstitutions institutions;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    InstitutionCache(DesignatedInstitutions institutions,
                     @Value("${app.settlement.institution-cache:PT1M}") Duration ttl) {
        this.institutions = institutions;
        this.ttlNanos = ttl.toNanos();
    }

    /** The cross-province networked institution with this code (as {@link DesignatedInstitutions#find}). */
    public Optional<Institution> find(String code) {
        long now = System.nanoTime();
        Entry e = entries.get(code);
        if (e != null && now - e.until() < 0) {
            return Optional.of(e.institution());
        }
        Optional<Institution> found = institutions.find(code);
        if (found.isPresent() && ttlNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(code, new Entry(found.get(), now + ttlNanos));
        } else {
            entries.remove(code);
        }
        return found;
    }
}
