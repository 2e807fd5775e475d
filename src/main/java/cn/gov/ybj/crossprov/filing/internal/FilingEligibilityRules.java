package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.insured.InsuranceRecord;
import cn.gov.ybj.crossprov.insured.PersonType;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who each type is for (002 一, 003 第七条), each rule with a setting per insured area — the default under
 * {@code app.filing.eligibility}, an area's own under {@code app.filing.eligibility.areas.<code>}:
 * <ul>
 *   <li>{@code retired-required} (true): 异地安置退休人员 「指退休后在异地定居…的人员」 — the registry must have the person
 *   as retired;</li>
 *   <li>{@code one-year} ({@code DECLARED}): 异地长期居住 and 常驻异地工作 are 「一年以上」 — {@code DECLARED}, the applicant's
 *   commitment (承诺书) may stand for it; {@code PROVEN}, materials must prove it and a personal commitment instead of
 *   materials is refused.</li>
 * </ul>
 */
@Component
public class FilingEligibilityRules {

    /** How 「一年以上」 is shown. */
    public enum OneYear { DECLARED, PROVEN }

    /** an area's settings, read once (every filing asks) */
    private record Settings(boolean retiredRequired, OneYear oneYear) {
    }

    private final Environment env;
    private final Map<String, Settings> byArea = new ConcurrentHashMap<>();

    FilingEligibilityRules(Environment env) {
        this.env = env;
        // a bad value stops the start, not the first filing
        settings(null);
    }

    void check(String insuredArea, FilingApplication a, InsuranceRecord person) {
        Settings settings = byArea.computeIfAbsent(insuredArea, this::settings);
        if (a.filingType() == FilingType.RETIRED_RESETTLED && settings.retiredRequired() && person.personType() != PersonType.RETIRED) {
            throw new BusinessRuleException("异地安置退休人员须为退休人员：该人员参保登记为" + person.personType().label(),
                    "A resettled retiree must be retired: the registry has the person as " + person.personType().labelEn());
        }
        boolean oneYearType = a.filingType() == FilingType.LONG_TERM_RESIDENT || a.filingType() == FilingType.STATIONED_WORKER;
        if (oneYearType && a.commitmentInsteadOfMaterials() && settings.oneYear() == OneYear.PROVEN) {
            String what = a.filingType() == FilingType.LONG_TERM_RESIDENT ? "居住" : "工作";
            throw new BusinessRuleException("参保地要求提供在异地" + what + "一年以上的证明材料（" + a.filingType().material() + "），不接受个人承诺",
                    "The insured area asks for materials proving a year or more of " + (what.equals("居住") ? "residence" : "work")
                            + " elsewhere; a personal commitment is not accepted");
        }
    }

    private Settings settings(String area) {
        String oneYear = setting(area, "one-year", String.class, OneYear.DECLARED.name());
        try {
            return new Settings(setting(area, "retired-required", Boolean.class, true),
                    OneYear.valueOf(oneYear.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("app.filing.eligibility one-year must be DECLARED or PROVEN: " + oneYear);
        }
    }

    private <T> T setting(String area, String key, Class<T> type, T fallback) {
        T general = env.getProperty("app.filing.eligibility." + key, type, fallback);
        return area == null ? general : env.getProperty("app.filing.eligibility.areas." + area + "." + key, type, general);
    }
}
