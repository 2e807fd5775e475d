package cn.gov.ybj.crossprov.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generated demo institutions (clearly not real: every name ends in "（演示）"), spread over
 * the given counties, as CSV for {@link InstitutionImport}. Deterministic for a seed.
 */
public final class DemoInstitutions {

    public static final List<String> GRADES = List.of("三级甲等", "三级乙等", "三级", "二级甲等", "二级乙等", "二级", "一级甲等", "一级", "未定级");
    public static final List<String> CATEGORIES = List.of("综合医院", "专科医院", "中医医院", "中西医结合医院", "妇幼保健院", "社区卫生服务中心", "卫生院");
    private static final List<String> WORDS = List.of("人民", "中心", "第一", "第二", "第三", "仁爱", "康复", "协和", "同济", "华山",
            "博爱", "妇幼", "骨科", "眼科", "口腔", "肿瘤", "儿童", "附属", "友谊", "和平", "惠民", "安康", "济民", "长青");

    private DemoInstitutions() {
    }

    public static byte[] csv(List<Divisions.Division> counties, int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(InstitutionImport.HEADER).append('\n');
        for (int i = 0; i < count; i++) {
            Divisions.Division county = counties.get(i % counties.size());
            int serial = i / counties.size() + 1;
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            String name = county.fullName() + WORDS.get(random.nextInt(WORDS.size())) + WORDS.get(random.nextInt(WORDS.size()))
                    + switch (category) {
                        case "中医医院" -> "中医医院";
                        case "妇幼保健院" -> "妇幼保健院";
                        case "社区卫生服务中心" -> "社区卫生服务中心";
                        case "卫生院" -> "卫生院";
                        default -> "医院";
                    } + serial + "（演示）";
            out.append(i + 1).append(',').append(county.code()).append(',').append(name).append(',')
                    .append(county.code()).append(String.format("%07d", 9_000_000 + serial)).append(',')
                    .append(GRADES.get(random.nextInt(GRADES.size()))).append(',').append(category).append(',')
                    .append(county.fullName()).append(WORDS.get(random.nextInt(WORDS.size()))).append("路").append(1 + random.nextInt(999)).append("号\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
