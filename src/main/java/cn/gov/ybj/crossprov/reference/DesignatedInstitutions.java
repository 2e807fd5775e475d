package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** Queries of the designated institutions: public, paged, stable order (division, code). */
@Service
public class DesignatedInstitutions {

    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;

    DesignatedInstitutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Page(List<Institution> items, long total, int page, int size) {
    }

    public Page search(InstitutionFilter filter, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        return new Page(list(filter, (long) safePage * safeSize, safeSize), count(filter), safePage, safeSize);
    }

    /** One slice in the stable order (division, code); what a lazy table asks for. */
    public List<Institution> list(InstitutionFilter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
        params.add(Math.max(0, offset));
        return jdbc.sql("""
                SELECT i.code, i.name, i.division_code, d.full_name AS division_name, i.grade, i.category, i.address
                FROM app.designated_institution i JOIN app.division d ON d.code = i.division_code
                """ + where + " ORDER BY i.division_code, i.code LIMIT ? OFFSET ?")
                .params(params).query(Institution.class).list();
    }

    public long count(InstitutionFilter filter) {
        List<Object> params = new ArrayList<>();
        return count(where(filter, params), params);
    }

    private long count(String where, List<Object> params) {
        return jdbc.sql("SELECT count(*) FROM app.designated_institution i " + where)
                .params(params).query(Long.class).single();
    }

    private static String where(InstitutionFilter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE i.cross_province");
        String prefix = filter.divisionPrefix();
        if (prefix != null) {
            sql.append(" AND i.division_code LIKE ?");
            params.add(prefix + "%");
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            sql.append(" AND i.name LIKE ?");
            params.add("%" + escapeLike(filter.name().trim()) + "%");
        }
        if (filter.grade() != null && !filter.grade().isBlank()) {
            sql.append(" AND i.grade = ?");
            params.add(filter.grade());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            sql.append(" AND i.category = ?");
            params.add(filter.category());
        }
        return sql.toString();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
