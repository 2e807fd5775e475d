package cn.gov.ybj.crossprov.reference;

/** A cross-province designated medical institution (跨省联网定点医疗机构), as the query screen shows it. */
public record Institution(String code, String name, String divisionCode, String divisionName,
                          String grade, String category, String address) {
}
