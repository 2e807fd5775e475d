package cn.gov.ybj.crossprov.filing.change;

import cn.gov.ybj.crossprov.filing.internal.FilingRules;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord.FieldChange;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * 信息变更 rules that need no lookup (004 §2.2.1.3, 001 备案信息修改, 003 第九条). Who may change what,
 * the same field checks as a filing, and which changes go to the insured area's clerks.
 */
final class FilingChangeRules {

    static final String NEW_FILING_ZH = "变更就医地、参保单位或险种需重新办理备案";
    static final String NEW_FILING_EN = "Changing the destination, employer or insurance type needs a new filing";

    /** Fields whose change goes to the insured area's review (003 第九条 「经其审核确认」: residence, institution, phone). */
    private static final Set<String> REVIEWED = Set.of("contactAddress", "institutionCode", "contactPhone");

    private FilingChangeRules() {
    }

    /** The new values: the change's where given, the filing's otherwise. */
    record Values(LocalDate startDate, LocalDate endDate, String contactName, String contactPhone,
                  String contactAddress, String institutionCode) {
    }

    /**
     * Only opened self-service filings (自助开通) can be changed online: 004's list offers 信息变更 there and not on a
     * quick filing (补充材料 · 取消备案 · 查看详情), whose changes are made at the insured area's counter. The counter
     * changes any opened filing of its area, whatever its channel.
     */
    static void checkChangeable(Filing f, boolean atCounter) {
        if (f.status() == FilingStatus.CLOSED) {
            throw new BusinessRuleException("该备案已关闭，不能变更", "The filing is closed and cannot be changed");
        }
        if (atCounter) {
            if (f.status() != FilingStatus.OPENED) {
                throw new BusinessRuleException("只有备案成功的备案可以变更信息", "Only an opened filing can be changed");
            }
            return;
        }
        if (f.status() != FilingStatus.OPENED || !f.online()) {
            throw new BusinessRuleException("只有备案成功（已开通）的备案可以变更信息",
                    "Only an opened filing made online can be changed");
        }
        if (f.channel() != Channel.NATIONAL_APP_SELF_SERVICE) {
            throw new BusinessRuleException("快速备案不支持在线信息变更，请到参保地医保经办机构窗口办理",
                    "A quick filing is not changed online: please go to the insured area's counter");
        }
    }

    /** Destination, insurance type, filing type and employer cannot change: that needs a new filing. */
    static void checkNoNewFilingNeeded(Filing f, FilingChange c) {
        boolean destination = !blank(c.treatmentAreaCode()) && !c.treatmentAreaCode().strip().equals(f.treatmentAreaCode());
        boolean insurance = c.insuranceType() != null && c.insuranceType() != f.insuranceType();
        boolean type = c.filingType() != null && c.filingType() != f.filingType();
        if (destination || insurance || type || !blank(c.employer())) {
            throw new BusinessRuleException(NEW_FILING_ZH, NEW_FILING_EN);
        }
    }

    static Values merge(Filing f, FilingChange c) {
        return new Values(c.startDate() == null ? f.startDate() : c.startDate(),
                c.endDate() == null ? f.endDate() : c.endDate(),
                keep(c.contactName(), f.contactName()), keep(c.contactPhone(), f.contactPhone()),
                keep(c.contactAddress(), f.contactAddress()), keep(c.institutionCode(), f.institutionCode()));
    }

    /** The checks of {@link FilingRules#check} for the fields a change may touch. */
    static void checkValues(Filing f, Values v) {
        if (v.endDate().isBefore(v.startDate())) {
            throw new BusinessRuleException("结束日期不能早于开始日期", "The end date must not be before the start date");
        }
        if (blank(v.contactName()) || blank(v.contactPhone()) || blank(v.contactAddress())) {
            throw new BusinessRuleException("请填写联系人、联系电话和联系地址", "Please fill in the contact person, phone and address");
        }
        if (v.contactName().length() > 50 || v.contactAddress().length() > 200) {
            throw new BusinessRuleException("联系人不超过 50 字，地址不超过 200 字", "Contact name max 50, address max 200 characters");
        }
        if (!FilingRules.PHONE.matcher(v.contactPhone()).matches()) {
            throw new BusinessRuleException("联系电话格式不正确（手机号 11 位或带区号的固定电话）",
                    "The phone number is not valid (11-digit mobile or landline with area code)");
        }
        boolean institutionChanged = !Objects.equals(v.institutionCode(), f.institutionCode());
        if (institutionChanged && f.institutionCode() == null && !f.filingType().needsInstitution()) {
            throw new BusinessRuleException("该备案未指定定点医疗机构，不能变更定点医疗机构",
                    "This filing names no designated institution, so none can be changed");
        }
    }

    /** What the change changes, in the order of the form; empty when it changes nothing. */
    static List<FieldChange> diff(Filing f, Values v) {
        return diff(current(f), v);
    }

    static List<FieldChange> diff(Values before, Values after) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "startDate", "开始日期", str(before.startDate()), str(after.startDate()));
        add(changes, "endDate", "结束日期", str(before.endDate()), str(after.endDate()));
        add(changes, "contactName", "联系人", before.contactName(), after.contactName());
        add(changes, "contactPhone", "联系电话", before.contactPhone(), after.contactPhone());
        add(changes, "contactAddress", "联系地址", before.contactAddress(), after.contactAddress());
        add(changes, "institutionCode", "定点医疗机构", before.institutionCode(), after.institutionCode());
        return changes;
    }

    /** The filing's current values of the changeable fields. */
    static Values current(Filing f) {
        return new Values(f.startDate(), f.endDate(), f.contactName(), f.contactPhone(), f.contactAddress(),
                f.institutionCode());
    }

    /**
     * 003 第九条(一) 「异地居住地、定点医疗机构、联系电话等信息发生变更…并经其审核确认」 and 004 (online: 「备案起止时间和联系人信息」):
     * a change of the contact address (residence), designated institution or phone goes to the insured area's
     * clerks; the dates and the contact person apply at once.
     */
    static boolean needsReview(Filing filing, FilingChange change) {
        return diff(filing, merge(filing, change)).stream().anyMatch(c -> REVIEWED.contains(c.field()));
    }

    private static void add(List<FieldChange> changes, String field, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, label, before, after));
        }
    }

    private static String keep(String given, String current) {
        return blank(given) ? current : given.strip();
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
