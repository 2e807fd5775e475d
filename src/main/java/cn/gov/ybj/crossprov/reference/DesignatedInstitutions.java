package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Queries of the designated institutions: public, paged, stable order (division, code). */
@Service
public class DesignatedInstitutions {

    public static final int MAX_PAGE_SIZE = 200;
    /** Totals are counted up to this many; beyond it the screen asks to narrow the search (an exact count of a common word costs more than the page). */
    public static final int COUNT_CAP = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate customPlans;

    DesignatedInstitutions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.customPlans = new TransactionTemplate(transactions);
        this.customPlans.setReadOnly(true);
    }

    /**
     * Runs a search statement planned for its actual parameters: with PgJDBC's server-side
     * prepared statements PostgreSQL switches to a generic plan, measured five times slower for
     * these filters. Only here: every other statement (the engine's too) keeps its cached plan.
     */
    private <T> T customPlanned(Supplier<T> query) {
        return customPlans.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            return query.get();
        });
    }

    /** @param total exact up to {@link #COUNT_CAP}; {@code totalCapped} when there are more */
    public record Page(List<Institution> items, long total, boolean totalCapped, int page, int size) {
    }

    public Page search(InstitutionFilter filter, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        long offset = (long) safePage * safeSize;
        List<Institution> items = list(filter, offset, safeSize);
        // a page that is not full (and not past the end) is the last one: the total is known without counting
        long total = items.size() < safeSize && (!items.isEmpty() || safePage == 0) ? offset + items.size() : count(filter);
        return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP, safePage, safeSize);
    }

    /** A cross-province designated institution by its 13-digit code. */
    public Optional<Institution> find(String code) {
        return jdbc.sql("""
                SELECT i.code, i.name, i.division_code,
                       (SELECT d.full_name FROM app.division d WHERE d.code = i.division_code) AS division_name,
                       i.grade, i.category, i.address
                FROM app.designated_institution i WHERE i.cross_province AND i.code = ?""")
                .param(code).query(Institution.class).optional();
    }

    /** One slice in the stable order (division, code); what a lazy table asks for. */
    public List<Institution> list(InstitutionFilter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        // the division as a btree range: the page is read in (division, code) order and stops after the limit
        String where = where(filter, params, true);
        params.add(Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
        params.add(Math.max(0, offset));
        // the division name is looked up for the returned rows only: with a join the planner
        // chose a nested loop that took a second for a province + common-word filter
        return customPlanned(() -> jdbc.sql("""
                SELECT i.code, i.name, i.division_code,
                       (SELECT d.full_name FROM app.division d WHERE d.code = i.division_code) AS division_name,
                       i.grade, i.category, i.address
                FROM app.designated_institution i
                """ + where + " ORDER BY i.division_code COLLATE \"C\", i.code COLLATE \"C\" LIMIT ? OFFSET ?")
                .params(params).query(Institution.class).list());
    }

    /** Matching institutions, counted up to {@link #COUNT_CAP} + 1. */
    public long count(InstitutionFilter filter) {
        List<Object> params = new ArrayList<>();
        String where;
        if (common(filter)) {
            // many matches: a scan finds COUNT_CAP + 1 of them early and stops, while a bitmap
            // of the token index must be read whole first (270 ms for a common word, measured)
            where = plainWhere(filter, params);
        } else {
            // every filter as a token of one GIN lookup: the index intersects them before any row is read
            where = where(filter, params, false);
        }
        params.add(COUNT_CAP + 1);
        return customPlanned(() -> jdbc.sql(
                        "SELECT count(*) FROM (SELECT 1 FROM app.designated_institution i " + where + " LIMIT ?) AS matches")
                .params(params).query(Long.class).single());
    }

    /** Share of rows at or above which a filter counts as common (at 650,000 rows: 13,000). */
    private static final double COMMON_SHARE = 0.02;

    /**
     * Whether the filter is expected to match many rows, from the token frequencies PostgreSQL's
     * statistics keep for {@code search_tokens} (tokens assumed independent; a token missing
     * from the statistics is rarer than any listed).
     */
    private boolean common(InstitutionFilter filter) {
        Map<String, Double> frequencies = tokenFrequencies();
        if (frequencies.isEmpty()) {
            return false;
        }
        double rarest = frequencies.values().stream().min(Double::compare).orElse(0.0);
        double share = 1.0;
        for (String token : tokens(filter)) {
            share *= frequencies.getOrDefault(token, rarest / 2);
        }
        return share >= COMMON_SHARE;
    }

    private volatile Map<String, Double> frequencies = Map.of();
    private volatile long frequenciesReadAt;

    /** Most common tokens and their share of rows, re-read at most once a minute. */
    private Map<String, Double> tokenFrequencies() {
        long now = System.currentTimeMillis();
        if (now - frequenciesReadAt > 60_000) {
            Map<String, Double> read = new HashMap<>();
            jdbc.sql("""
                    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs FROM pg_stats
                    WHERE schemaname = 'app' AND tablename = 'designated_institution' AND attname = 'search_tokens'""")
                    .query(rs -> {
                        java.sql.Array elems = rs.getArray("elems");
                        java.sql.Array freqs = rs.getArray("freqs");
                        if (elems != null && freqs != null) {
                            String[] e = (String[]) elems.getArray();
                            Float[] f = (Float[]) freqs.getArray();
                            for (int i = 0; i < e.length && i < f.length; i++) {
                                read.put(e[i], f[i].doubleValue());
                            }
                        }
                    });
            frequencies = Map.copyOf(read);
            frequenciesReadAt = now;
        }
        return frequencies;
    }

    /** The filter without the token index: division range, plain columns and the name's substring. */
    private static String plainWhere(InstitutionFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE i.cross_province");
        if (filter.divisionPrefix() != null) {
            sql.append(" AND i.division_code COLLATE \"C\" LIKE ?");
            params.add(filter.divisionPrefix() + "%");
        }
        if (filter.grade() != null && !filter.grade().isBlank()) {
            sql.append(" AND i.grade = ?");
            params.add(filter.grade().trim());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            sql.append(" AND i.category = ?");
            params.add(filter.category().trim());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            sql.append(" AND i.name LIKE ?");
            params.add("%" + escapeLike(filter.name().trim()) + "%");
        }
        return sql.toString();
    }

    /** The tokens of {@code search_tokens} the filter asks for (see {@link #where}). */
    private static List<String> tokens(InstitutionFilter filter) {
        List<String> tokens = new ArrayList<>();
        if (filter.divisionPrefix() != null) {
            tokens.add("d" + filter.divisionPrefix());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            tokens.addAll(List.of(grams(filter.name().trim())));
        }
        if (filter.grade() != null && !filter.grade().isBlank()) {
            tokens.add("g" + filter.grade().trim());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            tokens.add("c" + filter.category().trim());
        }
        return tokens;
    }

    /**
     * @param divisionByRange the division as a prefix range of the btree index (division, code), for
     *                        the ordered page; otherwise as a token of the GIN index, for counting
     */
    private static String where(InstitutionFilter filter, List<Object> params, boolean divisionByRange) {
        StringBuilder sql = new StringBuilder("WHERE i.cross_province");
        List<String> tokens = new ArrayList<>();
        String prefix = filter.divisionPrefix();
        if (prefix != null) {
            if (divisionByRange) {
                sql.append(" AND i.division_code COLLATE \"C\" LIKE ?");
                params.add(prefix + "%");
            } else {
                tokens.add("d" + prefix);
            }
        }
        String name = filter.name() == null || filter.name().isBlank() ? null : filter.name().trim();
        if (name != null) {
            tokens.addAll(List.of(grams(name)));
        }
        if (filter.grade() != null && !filter.grade().isBlank()) {
            tokens.add("g" + filter.grade().trim());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            tokens.add("c" + filter.category().trim());
        }
        if (!tokens.isEmpty()) {
            // V8__institution_search_tokens.sql: grams of the name, d<division prefix>, g<grade>, c<category>
            sql.append(" AND i.search_tokens @> ?::text[]");
            params.add(tokens.toArray(String[]::new));
        }
        if (name != null) {
            // the grams find candidates, LIKE checks the exact substring
            sql.append(" AND i.name LIKE ?");
            params.add("%" + escapeLike(name) + "%");
        }
        return sql.toString();
    }

    /** What a name containing the pattern must have among its grams: the pattern's character pairs, or its one character. */
    static String[] grams(String pattern) {
        int[] cps = pattern.toLowerCase(Locale.ROOT).codePoints().toArray();
        if (cps.length == 1) {
            return new String[]{new String(cps, 0, 1)};
        }
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams.toArray(String[]::new);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
