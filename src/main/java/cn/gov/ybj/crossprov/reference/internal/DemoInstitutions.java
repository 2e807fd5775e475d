package cn.gov.ybj.crossprov.reference.internal;

import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.InstitutionImport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generated demo institutions (clearly not real: every name ends in "（演示）"), spread over
 * the given counties, as CSV for {@link InstitutionImport}. Deterministic for a seed. Written
 * only by {@link DemoInstitutionLoader} (demo data on) and the search benchmark.
 */
public final class DemoInstitutions {

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
            String category = Institution.CATEGORIES.get(random.nextInt(Institution.CATEGORIES.size()));
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
                    .append(Institution.GRADES.get(random.nextInt(Institution.GRADES.size()))).append(',').append(category).append(',')
                    .append(county.fullName()).append(WORDS.get(random.nextInt(WORDS.size()))).append("路").append(1 + random.nextInt(999)).append("号\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
