package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.documents.ChineseDate;
import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.RegionCode;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 《_____省（区、市）跨省异地就医登记备案表》 (003 第八条, 附件1) of an opened filing as PDF: printed at the counter
 * when the clerk confirms on the spot (one copy kept, one signed by the applicant), and downloadable by the person
 * afterwards. Every field of the seed's layout; the numbered choices (险种, 人员类别, 登记类别) print with the chosen
 * one ticked. It prints the <b>full</b> ID number (社会保障号码): it is the person's own registration, as the
 * settlement slip (附件6) and the transfer's 参保凭证 are; lists, logs and the API keep it masked. Who may see the
 * filing ({@link FilingManagement#find}) may have the form.
 */
@Service
public class RegistrationForms {

    private static final String DASH = "—";
    static final List<String> INSURANCE_TYPES = List.of("职工医保", "城乡居民医保", "城镇居民医保", "新农合");
    /** The 险种 each box of {@link #INSURANCE_TYPES} stands for, in the form's order. */
    static final List<InsuranceType> INSURANCE_TYPE_BOXES = List.of(InsuranceType.EMPLOYEE, InsuranceType.RESIDENT,
            InsuranceType.URBAN_RESIDENT, InsuranceType.NCMS);
    static final List<FilingType> PERSON_TYPES = List.of(FilingType.RETIRED_RESETTLED, FilingType.LONG_TERM_RESIDENT,
            FilingType.STATIONED_WORKER, FilingType.REFERRAL);

    private final FilingManagement filings;
    private final Documents documents;
    private final Divisions divisions;
    private final PoolingAreas areas;
    private final DesignatedInstitutions institutions;
    private final AccountNames names;

    RegistrationForms(FilingManagement filings, Documents documents, Divisions divisions, PoolingAreas areas,
                      DesignatedInstitutions institutions, AccountNames names) {
        this.names = names;
        this.filings = filings;
        this.documents = documents;
        this.divisions = divisions;
        this.areas = areas;
        this.institutions = institutions;
    }

    /** The form of a filing the user may see; empty when it is not theirs; refused before the filing has opened. */
    public Optional<byte[]> pdf(AppUser user, UUID filingId) {
        return filings.find(user, filingId).map(f -> {
            if (!f.hasOpened()) {
                throw new BusinessRuleException("备案成功后才有登记备案表", "The registration form exists once the filing has opened");
            }
            boolean changed = filings.history(user, filingId).stream()
                    .anyMatch(e -> e.action().equals("信息变更") && e.status() == FilingStatus.OPENED);
            return documents.render(document(f, changed));
        });
    }

    PdfDocument document(Filing f, boolean changed) {
        RegionCode insured = RegionCode.of(f.insuredAreaCode());
        String province = divisions.name(insured.province().code()).orElse("");
        RegionCode destination = RegionCode.of(f.treatmentAreaCode());
        Optional<PoolingArea> area = areas.find(f.insuredAreaCode());
        Optional<Institution> institution = f.institutionCode() == null ? Optional.empty() : institutions.find(f.institutionCode());
        LocalDate confirmed = f.openedAt() == null ? null : LocalDate.ofInstant(f.openedAt(), ChinaTime.ZONE);
        LocalDate filled = f.submittedAt() == null ? null : LocalDate.ofInstant(f.submittedAt(), ChinaTime.ZONE);
        String person = f.personIdNumber();
        return PdfDocument.titled(province + "跨省异地就医登记备案表")
                .header("备案编号", text(f.filingNumber()))
                .section(null, 4, s -> s
                        .field("姓名", text(f.personName()))
                        .field("性别", IdNumber.isValid(person) ? (IdNumber.of(person).sex() == IdNumber.Sex.MALE ? "男" : "女") : DASH)
                        .wide("险种", choices(INSURANCE_TYPES, INSURANCE_TYPE_BOXES.indexOf(f.insuranceType())))
                        .wide("人员类别", PERSON_TYPES.contains(f.filingType()) ? choices(PERSON_TYPES.stream().map(FilingType::label).toList(),
                                PERSON_TYPES.indexOf(f.filingType())) : f.filingType().label())
                        .field("登记类别", choices(List.of("新增", "变更"), changed ? 1 : 0))
                        .field("社会保障号码", text(person))
                        .field("社会保障卡卡号（可选）", DASH)
                        .field("参保地", divisions.name(f.insuredAreaCode()).orElse(f.insuredAreaCode()))
                        .wide("参保地家庭住址", DASH)
                        .wide("异地联系地址", text(f.contactAddress()))
                        .field("联系电话1", text(f.contactPhone()))
                        .field("联系电话2", DASH)
                        .field("转往省（市、区）", divisions.name(destination.province().code()).orElse(DASH))
                        .field("地区（市、州）", destination.level() == RegionCode.Level.PROVINCE ? DASH
                                : divisions.name(destination.city().code()).orElse(DASH))
                        .field("县（区）", destination.level() == RegionCode.Level.COUNTY ? divisions.name(destination.code()).orElse(DASH) : DASH)
                        .field("备案有效期", f.startDate() + " 至 " + f.endDate())
                        .wide("医疗机构名称", institution.map(Institution::name).orElse(DASH))
                        .field("医疗机构级别", institution.map(Institution::grade).filter(g -> g != null && !g.isBlank()).orElse(DASH))
                        .field("填表日期", filled == null ? DASH : ChineseDate.of(filled))
                        .field("本人（被委托人）签名", ""))
                .section(null, 4, s -> s
                        .wide("经办机构", area.map(PoolingArea::agencyName).filter(n -> n != null && !n.isBlank()).orElse(DASH) + "（盖章）")
                        .field("经办人", text(f.channel() == Channel.LOCAL ? names.name(f.submittedBy()) : null))
                        .field("经办日期", confirmed == null ? DASH : ChineseDate.of(confirmed)))
                .paragraphs(null, "本表一式两联，盖章后一联留存参保地经办机构，一联交予申请人签收。")
                .author(area.map(PoolingArea::agencyName).orElse(null))
                .build();
    }

    /** 「■ 1. 职工医保 □ 2. 城乡居民医保 …」: the seed's numbered choices with the chosen one ticked */
    static String choices(List<String> options, int chosen) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            b.append(i == 0 ? "" : "  ").append(i == chosen ? "■ " : "□ ").append(i + 1).append(". ").append(options.get(i));
        }
        return b.toString();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? DASH : value.toString();
    }
}
