package cn.gov.ybj.crossprov.shared;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A six-digit administrative division code (GB/T 2260): two digits of province, two of city,
 * two of county. {@code 440000} is a province, {@code 440300} a city, {@code 440305} a county.
 * Province-level-only areas (the municipalities, 海南, 西藏 and the 兵团) pool and file at the
 * province: there a province code is a complete destination and cities are not asked for.
 */
public record RegionCode(String code) implements Comparable<RegionCode> {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    /** 北京, 天津, 上海, 重庆, 海南, 西藏, 新疆生产建设兵团 (as the national filing rules list them). */
    private static final Set<String> PROVINCE_LEVEL_ONLY = Set.of("11", "12", "31", "50", "46", "54", "66");

    public enum Level { PROVINCE, CITY, COUNTY }

    public RegionCode {
        if (code == null || !SIX_DIGITS.matcher(code).matches() || code.startsWith("00")) {
            throw new BusinessRuleException("行政区划代码应为 6 位数字：" + code, "A division code has six digits: " + code);
        }
    }

    public static RegionCode of(String code) {
        return new RegionCode(code == null ? null : code.strip());
    }

    public static boolean isValid(String code) {
        return code != null && SIX_DIGITS.matcher(code).matches() && !code.startsWith("00");
    }

    public Level level() {
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The two digits every code of the province starts with. */
    public String provincePrefix() {
        return code.substring(0, 2);
    }

    public RegionCode province() {
        return new RegionCode(provincePrefix() + "0000");
    }

    /** The city of a county or city code; the province itself for a province code. */
    public RegionCode city() {
        return level() == Level.PROVINCE ? this : new RegionCode(code.substring(0, 4) + "00");
    }

    public boolean sameProvince(RegionCode other) {
        return provincePrefix().equals(other.provincePrefix());
    }

    /** Whether the province pools and files at province level (no cities to choose). */
    public boolean provinceLevelOnly() {
        return PROVINCE_LEVEL_ONLY.contains(provincePrefix());
    }

    /**
     * The prefix all codes inside this area share: two digits for a province, four for a city,
     * all six for a county. For SQL {@code LIKE prefix || '%'} and {@code startsWith}.
     */
    public String prefix() {
        return switch (level()) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    /** Whether {@code other} lies inside this area (or is it). */
    public boolean contains(RegionCode other) {
        return other.code.startsWith(prefix());
    }

    @Override
    public int compareTo(RegionCode o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
