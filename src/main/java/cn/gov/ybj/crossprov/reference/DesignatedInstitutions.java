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
        return customPlanned(false, query);
    }

    /** @param inOrder read the (division, code) btree in order and nothing else: no bitmap, no sequential scan */
    private <T> T customPlanned(boolean inOrder, Supplier<T> query) {
        return customPlans.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            if (inOrder) {
                jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
            }
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
        Plan plan = plan(filter);
        List<Institution> items = list(filter, offset, safeSize, plan);
        // a page that is not full (and not past the end) is the last one: the total is known without counting
        long total = items.size() < safeSize && (!items.isEmpty() || safePage == 0) ? offset + items.size() : count(filter, plan);
        return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP, safePage, safeSize);
    }

    /** A cross-province designated institution by its 13-digit code. */
    public Optional<Institution> find(String code) {
        return jdbc.sql("""
                SELECT i.code, i.name, i.division_code,
                       (SELECT d.full_name FROM app.division d WHERE d.code = i.division_code) AS division_name,
                       i.grade, i.category, i.address
                FROM app.designated_institution i WHERE i.cross_province AND i.code = ?""")
                .param(code).query(Institution.ROW).optional();
    }

    /** One slice in the stable order (division, code); what a lazy table asks for. */
    public List<Institution> list(InstitutionFilter filter, long offset, int limit) {
        return list(filter, offset, limit, plan(filter));
    }

    private List<Institution> list(InstitutionFilter filter, long offset, int limit, Plan plan) {
        List<Object> params = new ArrayList<>();
        int safeLimit = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
        long safeOffset = Math.max(0, offset);
        // many matches: read the (division, code) btree in order and stop after the page; few:
        // find them all with the token index and sort them (see Plan)
        boolean inOrder = plan.pageInOrder(safeOffset + safeLimit);
        // the division as a btree range: the page is read in (division, code) order and stops after the limit
        String where = inOrder ? plainWhere(filter, params) : where(filter, params, true);
        params.add(safeLimit);
        params.add(safeOffset);
        // the division name is looked up for the returned rows only: with a join the planner
        // chose a nested loop that took a second for a province + common-word filter
        return customPlanned(inOrder, () -> jdbc.sql("""
                SELECT i.code, i.name, i.division_code,
                       (SELECT d.full_name FROM app.division d WHERE d.code = i.division_code) AS division_name,
                       i.grade, i.category, i.address
                FROM app.designated_institution i
                """ + where + " ORDER BY i.division_code COLLATE \"C\", i.code COLLATE \"C\" LIMIT ? OFFSET ?")
                .params(params).query(Institution.ROW).list());
    }

    /** Matching institutions, counted up to {@link #COUNT_CAP} + 1. */
    public long count(InstitutionFilter filter) {
        return count(filter, plan(filter));
    }

    private long count(InstitutionFilter filter, Plan plan) {
        List<Object> params = new ArrayList<>();
        String where;
        if (plan.countByScan()) {
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

    /**
     * How to read a filter's matches, from estimated costs (µs per row, rough figures from
     * EXPLAIN ANALYZE on 650,000 rows): the btree in (division, code) order reads rows until the page is full (~4 µs a row, random
     * heap); the token index reads its posting lists (~0.07 µs an entry) and then every match
     * (~3.5 µs with the sort), or for the capped count up to COUNT_CAP + 1 matches; a plain
     * count reads rows until COUNT_CAP + 1 match (~0.4 µs a row sequentially, ~1.2 µs within a
     * division range).
     *
     * @param rows     estimated rows of the division range (the table without a division)
     * @param matches  estimated matching rows
     * @param postings estimated posting-list entries the token index reads
     */
    record Plan(double rows, double matches, double postings, boolean divisionRange) {

        /** Rows read in order before {@code n} matches are found. */
        private double rowsInOrderFor(double n) {
            return matches <= 0 ? rows : Math.min(rows, n * rows / matches);
        }

        boolean pageInOrder(long n) {
            double inOrder = 4.0 * rowsInOrderFor(n);
            double byTokens = 0.07 * postings + 3.5 * matches;
            return inOrder <= byTokens;
        }

        boolean countByScan() {
            double scan = (divisionRange ? 1.2 : 0.4) * rowsInOrderFor(COUNT_CAP + 1);
            double byTokens = 0.07 * postings + 3.0 * Math.min(matches, COUNT_CAP + 1);
            return scan < byTokens;
        }
    }

    private Plan plan(InstitutionFilter filter) {
        Sample sample = sample();
        String prefix = filter.divisionPrefix();
        String name = filter.name() == null || filter.name().isBlank() ? null : filter.name().trim();
        String grade = filter.grade() == null || filter.grade().isBlank() ? null : filter.grade().trim();
        String category = filter.category() == null || filter.category().isBlank() ? null : filter.category().trim();
        int inRange = 0;
        int matching = 0;
        for (int i = 0; i < sample.size(); i++) {
            if (prefix != null && !sample.divisions[i].startsWith(prefix)) {
                continue;
            }
            inRange++;
            if (sample.crossProvince[i] && (grade == null || grade.equals(sample.grades[i]))
                    && (category == null || category.equals(sample.categories[i]))
                    && (name == null || sample.names[i].contains(name))) {
                matching++;
            }
        }
        double scale = sample.size() == 0 ? 0 : sample.tableRows / sample.size();
        Map<String, Double> frequencies = tokenFrequencies();
        double rarest = frequencies.values().stream().min(Double::compare).orElse(0.0);
        double postings = 0;
        for (String token : tokens(filter)) {
            postings += frequencies.getOrDefault(token, rarest / 2) * sample.tableRows;
        }
        return new Plan(inRange * scale, matching * scale, postings, prefix != null);
    }

    /** Rows sampled from the table to estimate how many rows a filter matches, every combination included. */
    private record Sample(String[] names, String[] divisions, String[] grades, String[] categories, boolean[] crossProvince,
                          double tableRows, long readAt) {
        int size() {
            return names.length;
        }
    }

    private static final int SAMPLE_ROWS = 20_000;
    private volatile Sample sample;

    /** Re-read after an import and at most every ten minutes. */
    void tableChanged() {
        sample = null;
        frequenciesReadAt = 0;
    }

    private Sample sample() {
        Sample current = sample;
        if (current != null && System.currentTimeMillis() - current.readAt() < 600_000) {
            return current;
        }
        double tableRows = jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'app.designated_institution'::regclass")
                .query(Double.class).single();
        if (tableRows < 0) {
            tableRows = jdbc.sql("SELECT count(*) FROM app.designated_institution").query(Double.class).single();
        }
        // block sampling reads about SAMPLE_ROWS rows from random pages; a small table is read whole
        String from = tableRows <= 2.0 * SAMPLE_ROWS ? "app.designated_institution"
                : "app.designated_institution TABLESAMPLE SYSTEM (" + String.format(Locale.ROOT, "%.4f", 100.0 * SAMPLE_ROWS / tableRows) + ")";
        List<String> names = new ArrayList<>();
        List<String> divisions = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Boolean> crossProvince = new ArrayList<>();
        jdbc.sql("SELECT name, division_code, grade, category, cross_province FROM " + from).query(rs -> {
            names.add(rs.getString(1));
            divisions.add(rs.getString(2));
            grades.add(rs.getString(3));
            categories.add(rs.getString(4));
            crossProvince.add(rs.getBoolean(5));
        });
        boolean[] cross = new boolean[crossProvince.size()];
        for (int i = 0; i < cross.length; i++) {
            cross[i] = crossProvince.get(i);
        }
        if (tableRows <= 2.0 * SAMPLE_ROWS) {
            tableRows = names.size();
        }
        Sample read = new Sample(names.toArray(String[]::new), divisions.toArray(String[]::new), grades.toArray(String[]::new),
                categories.toArray(String[]::new), cross, tableRows, System.currentTimeMillis());
        sample = read;
        return read;
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
