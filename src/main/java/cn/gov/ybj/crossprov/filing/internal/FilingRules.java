package cn.gov.ybj.crossprov.filing.internal;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.RegionCode;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;

import java.time.ZoneId;
import java.util.regex.Pattern;

/** The checks of an application that need no lookup; each refusal names the field in both languages. */
public final class FilingRules {

    /** mobile (11 digits) or landline with area code */
    private static final ZoneId CHINA = ChinaTime.ZONE;
    public static final Pattern PHONE = Pattern.compile("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$");

    private FilingRules() {
    }

    /** @param materialsOnFile a returned filing keeps materials that count as given (修改备案) */
    static void check(FilingApplication a, boolean materialsOnFile) {
        if (a.emergency()) {
            throw FilingType.emergency();
        }
        if (a.personIdNumber() == null || !IdNumber.isValid(a.personIdNumber())) {
            throw new BusinessRuleException("身份证号码有误（校验位不符）", "The ID number is not valid (checksum)");
        }
        require(a.insuredAreaCode(), "参保地", "insured area");
        require(a.treatmentAreaCode(), "就医地", "treatment area");
        if (a.insuranceType() == null) {
            throw missing("参保险种", "insurance type");
        }
        if (a.filingType() == null) {
            throw missing("备案类型", "filing type");
        }
        if (a.startDate() == null) {
            throw missing("开始日期", "start date");
        }
        if (a.endDate() == null) {
            throw missing("结束日期", "end date");
        }
        if (a.endDate().isBefore(a.startDate())) {
            throw new BusinessRuleException("结束日期不能早于开始日期", "The end date must not be before the start date");
        }
        require(a.contactName(), "联系人", "contact person");
        require(a.contactPhone(), "联系电话", "contact phone");
        require(a.contactAddress(), "联系地址", "contact address");
        if (a.contactName().strip().length() > 50 || a.contactAddress().strip().length() > 200) {
            throw new BusinessRuleException("联系人不超过 50 字，地址不超过 200 字", "Contact name max 50, address max 200 characters");
        }
        checkPhone(a.contactPhone());
        if (a.filingType().needsInstitution() && (a.institutionCode() == null || a.institutionCode().isBlank())) {
            throw new BusinessRuleException("异地转诊人员须选择就医地定点医疗机构", "A referral must name a designated institution");
        }
        if (a.commitmentInsteadOfMaterials() && !a.filingType().commitmentAllowed()) {
            throw new BusinessRuleException("个人承诺仅适用于跨省异地长期居住人员", "A personal commitment is only for long-term filings");
        }
        if (a.filingType().material() != null && a.materials().isEmpty() && !materialsOnFile && !a.commitmentInsteadOfMaterials()) {
            throw new BusinessRuleException("请上传备案材料（" + a.filingType().material() + "）"
                    + (a.filingType().commitmentAllowed() ? "或选择个人承诺" : ""),
                    "Please upload the materials" + (a.filingType().commitmentAllowed() ? " or give a personal commitment" : ""));
        }
        if (!a.noticeAccepted()) {
            throw new BusinessRuleException("请先阅读并同意备案告知书", "Please read and accept the filing notice");
        }
        if (!a.commitmentAccepted()) {
            throw new BusinessRuleException("请阅读并同意承诺书", "Please read and accept the commitment letter");
        }
    }

    /** A contact phone: an 11-digit mobile or a landline with area code. */
    public static void checkPhone(String phone) {
        if (phone == null || !PHONE.matcher(phone.strip()).matches()) {
            throw new BusinessRuleException("联系电话格式不正确（手机号 11 位或带区号的固定电话）",
                    "The phone number is not valid (11-digit mobile or landline with area code)");
        }
    }

    private static void require(String value, String zh, String en) {
        if (value == null || value.isBlank()) {
            throw missing(zh, en);
        }
    }

    private static BusinessRuleException missing(String zh, String en) {
        return new BusinessRuleException("请填写" + zh, "Please fill in the " + en);
    }

    /**
     * The division prefix a destination's institutions share: the province for province-level
     * destinations (北京, 上海 … code {@code xx0000}), otherwise the city.
     */
    public static String destinationPrefix(String treatmentAreaCode) {
        return RegionCode.of(treatmentAreaCode).city().prefix();
    }

    /**
     * A quick filing made before its area switched to self-service can be cancelled only at the
     * insured area's counter (004 §2.1.1.2 提示); the area keeps the switch date.
     */
    public static boolean cancelAtCounterOnly(Filing f, PoolingArea area) {
        return f.channel() == Channel.NATIONAL_APP_QUICK && area.filingMode() == PoolingArea.FilingMode.SELF_SERVICE
                && area.modeSwitchedOn() != null && f.submittedAt() != null
                && f.submittedAt().atZone(CHINA).toLocalDate().isBefore(area.modeSwitchedOn());
    }
}
