package cn.gov.ybj.crossprov.filing;

import cn.gov.ybj.crossprov.documents.ChineseDate;
import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.reference.DesignatedInstitutions;
import cn.gov.ybj.crossprov.reference.Divisions;
import cn.gov.ybj.crossprov.reference.Institution;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.PersonNames;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * 跨省异地就医备案回执: a one-page receipt of an opened (or since closed) filing, whatever way it was
 * filed — self-service, quick filing, at the counter, changed since, with a chronic-disease choice.
 * Unlike 附件1 ({@link RegistrationForms}) it may be shown to others (a hospital, an employer), so the
 * name and ID number are masked; it carries the filing number and the application serial, by which
 * the agency and the national platform find the filing. Who may see the filing may have it.
 */
@Service
public class FilingReceipts {

    static final String TITLE = "跨省异地就医备案回执";
    private static final String DASH = "—";

    private final FilingManagement filings;
    private final Documents documents;
    private final Divisions divisions;
    private final PoolingAreas areas;
    private final DesignatedInstitutions institutions;

    FilingReceipts(FilingManagement filings, Documents documents, Divisions divisions, PoolingAreas areas,
                   DesignatedInstitutions institutions) {
        this.filings = filings;
        this.documents = documents;
        this.divisions = divisions;
        this.areas = areas;
        this.institutions = institutions;
    }

    /** The receipt of a filing the user may see; empty when it is not theirs; refused before the filing has opened. */
    public Optional<byte[]> pdf(AppUser user, UUID filingId) {
        return filings.find(user, filingId).map(f -> {
            if (!f.hasOpened()) {
                throw new BusinessRuleException("备案成功后才有备案回执", "The filing receipt exists once the filing has opened");
            }
            return documents.render(document(f, Instant.now()));
        });
    }

    PdfDocument document(Filing f, Instant printedAt) {
        Optional<PoolingArea> area = areas.find(f.insuredAreaCode());
        Optional<Institution> institution = f.institutionCode() == null ? Optional.empty() : institutions.find(f.institutionCode());
        String agency = area.map(PoolingArea::agencyName).filter(n -> !n.isBlank()).orElse(DASH);
        return PdfDocument.titled(TITLE)
                .header("备案编号", f.filingNumber())
                .header("申请流水号", f.applicationSerial())
                .header("打印日期", ChineseDate.of(LocalDate.ofInstant(printedAt, ChinaTime.ZONE)))
                .section("备案信息", 4, s -> s
                        .field("姓名", PersonNames.mask(f.personName()))
                        .field("社会保障号码", IdNumber.mask(f.personIdNumber()))
                        .field("人员类别", f.filingType().label())
                        .field("险种", f.insuranceType().label())
                        .field("参保地", divisions.name(f.insuredAreaCode()).orElse(f.insuredAreaCode()))
                        .field("就医地", divisions.name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode()))
                        .wide("定点医疗机构", institution.map(i -> i.name() + "（" + i.code() + "）").orElse(DASH))
                        .wide("备案有效期", f.startDate() + " 至 " + f.endDate())
                        .field("备案状态", f.statusLabel())
                        .field("办理渠道", f.channel().tab())
                        .field("备案日期", f.openedAt() == null ? DASH : ChineseDate.of(LocalDate.ofInstant(f.openedAt(), ChinaTime.ZONE))))
                .section("经办机构", 4, s -> s
                        .wide("经办机构", agency)
                        .field("联系电话", area.map(PoolingArea::agencyPhone).filter(p -> !p.isBlank()).orElse(DASH))
                        .field("办公地址", area.map(PoolingArea::agencyAddress).filter(a -> !a.isBlank()).orElse(DASH)))
                .paragraphs("说明",
                        "1. 本回执证明上述人员已办理跨省异地就医备案，可凭备案编号或申请流水号向参保地经办机构查询核实。",
                        "2. 备案有效期内在就医地定点医疗机构就医，凭医保电子凭证或社会保障卡直接结算。",
                        "3. 备案信息以参保地经办机构登记为准；备案状态为“已关闭”的，本回执仅作办理记录。")
                .author(agency)
                .build();
    }
}
