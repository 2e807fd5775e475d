package cn.gov.ybj.crossprov.reference;

import cn.gov.ybj.crossprov.shared.RegionCode;
/**
 * Filters of the public institution query; all optional and combined with AND.
 *
 * @param divisionCode a province, city or county code: a province or city includes everything below it
 * @param name         part of the institution's name
 */
public record InstitutionFilter(String divisionCode, String name, String grade, String category) {

    /** 110000 → "11", 350200 → "3502", 350203 → "350203": the code prefix of everything inside. */
    String divisionPrefix() {
        if (divisionCode == null || divisionCode.isBlank()) {
            return null;
        }
        String code = divisionCode.trim();
        return RegionCode.isValid(code) ? RegionCode.of(code).prefix() : code;
    }
}
