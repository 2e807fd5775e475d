package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.RowMapper;

import java.util.List;

/** A cross-province designated medical institution (跨省联网定点医疗机构), as the query screen shows it. */
public record Institution(String code, String name, String divisionCode, String divisionName,
                          String grade, String category, String address) {

    /** A row of {@code SELECT code, name, division_code, division_name, grade, category, address}. */
    static final RowMapper<Institution> ROW = (rs, i) -> new Institution(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));

    /** 医院等级 as the national query screen offers them */
    public static final List<String> GRADES = List.of("三级甲等", "三级乙等", "三级", "二级甲等", "二级乙等", "二级", "一级甲等", "一级", "未定级");
    /** 医疗机构分类 as the national query screen offers them */
    public static final List<String> CATEGORIES = List.of("综合医院", "专科医院", "中医医院", "中西医结合医院", "妇幼保健院", "社区卫生服务中心", "卫生院");
}
