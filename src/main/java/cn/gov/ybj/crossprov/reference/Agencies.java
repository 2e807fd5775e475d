package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * 异地就医经办机构查询: one agency per pooling area (the agency columns of the pooling areas),
 * filtered by division (province, city or county: everything inside it) and a part of the
 * agency's name; paged in the stable order of the area code. The data holds no separate
 * provincial agencies, so none are made up: for 北京, 天津, 上海, 重庆 … the province-level
 * pooling area's agency is the provincial one. An area whose agency has not been entered yet
 * (a production start seeds the areas without agency data) is left out.
 */
@Service
public class Agencies {

    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param divisionCode optional province, city or county code; @param name optional part of the agency name */
    public record Filter(String divisionCode, String name) {
    }

    /** @param total exact (a few hundred areas) */
    public record Page(List<Agency> items, long total, int page, int size) {
    }

    public Page search(Filter filter, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        return new Page(list(filter, (long) safePage * safeSize, safeSize), count(filter), safePage, safeSize);
    }

    /** One slice in area-code order; {@link Agency#no()} counts from {@code offset + 1}. */
    public List<Agency> list(Filter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long safeOffset = Math.max(0, offset);
        params.add(Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
        params.add(safeOffset);
        List<Agency> rows = jdbc.sql("""
                SELECT p.code, d.full_name AS area_name, p.province_code,
                       (SELECT pd.full_name FROM app.division pd WHERE pd.code = p.province_code) AS province_name,
                       p.agency_name, p.agency_address, p.agency_phone
                FROM app.pooling_area p JOIN app.division d ON d.code = p.code
                """ + where + " ORDER BY p.code LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Agency(safeOffset + n + 1, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        return rows;
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM app.pooling_area p " + where).params(params).query(Long.class).single();
    }

    private static String where(Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder("WHERE p.agency_name <> ''");
        String prefix = new InstitutionFilter(filter.divisionCode(), null, null, null).divisionPrefix();
        if (prefix != null) {
            sql.append(" AND p.code LIKE ?");
            params.add(prefix + "%");
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            sql.append(" AND p.agency_name LIKE ?");
            params.add("%" + filter.name().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return sql.toString();
    }
}
