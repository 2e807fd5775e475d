package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.settlement.internal.SettlementStore;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import org.springframework.stereotype.Service;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 住院结算单 (003 第二十八条, 附件6) as PDF: the medical area's hospital hands it to the person at
 * discharge, who pays the personal share by it. Every field of the seed's layout in its order, the
 * amounts in yuan with two decimals and thousands separators, one row per fund by the name the insured
 * area's policy gives it (附件6: 参保地基金按照参保地返回的基金款项名称打印); a reversed settlement says
 * 已冲正 in its title, header and a closing paragraph.
 * <p>
 * The slip prints the <b>full</b> ID number (社会保障号码) and card number: it is the person's own
 * document, which identifies them when they claim at home, as the transfer's 参保凭证 does
 * (docs/transfer.md); the API answers, lists and logs keep them masked. They are read from the row,
 * never from the masked {@link HospitalSettlement}. Serve the bytes to the settlement's hospital and
 * to the person (or a linked family member, or the insured area's clerks) only: {@link #forHospital},
 * {@link #forUser}; a screen that already holds the settlement from {@link SettlementQueries#find}
 * calls {@link #pdf}.
 */
@Service
public class SettlementSlips {

    static final String TITLE = "跨省异地就医住院结算单";
    static final String UNIT = "元（保留两位小数）";
    static final String REVERSED = "已冲正";
    static final String DASH = "—";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final Documents documents;
    private final SettlementStore store;
    private final HospitalSettlements settlements;
    private final SettlementQueries queries;

    SettlementSlips(Documents documents, SettlementStore store, HospitalSettlements settlements, SettlementQueries queries) {
        this.documents = documents;
        this.store = store;
        this.settlements = settlements;
        this.queries = queries;
    }

    /**
     * The slip of a stored settlement as PDF ({@code application/pdf}), with the person's full ID and
     * card number read back from its row (a settlement not stored prints the masked ones it carries).
     * Does not check who asks: call it for a settlement the caller may see.
     */
    public byte[] pdf(HospitalSettlement s) {
        SettlementStore.Identifiers ids = store.key(s.institutionCode(), s.settlementNo())
                .flatMap(k -> store.identifiers(k.dischargeMonth(), k.settlementId()))
                .orElse(new SettlementStore.Identifiers(s.personIdNumber(), s.socialSecurityCardNo()));
        return documents.render(document(s, ids.personIdNumber(), ids.socialSecurityCardNo()));
    }

    /** For a hospital system: the slip of its own settlement; empty for another institution's or an unknown number. */
    public Optional<byte[]> forHospital(AppUser hospital, String settlementNo) {
        return settlements.find(hospital, settlementNo).map(this::pdf);
    }

    /**
     * For the screens of 结算信息查询: the slip of a settlement the user may see by
     * {@link SettlementQueries#find} — an insured account its own person's and linked family members',
     * a clerk its pooling area's (参保地); empty for anyone else's or an unknown one.
     */
    public Optional<byte[]> forUser(AppUser user, String institutionCode, String settlementNo) {
        return queries.find(user, institutionCode, settlementNo).map(this::pdf);
    }

    /** The document, with the identifiers as they are to be printed. */
    static PdfDocument document(HospitalSettlement s, String idNumber, String cardNo) {
        String province = s.medicalProvinceName() == null ? "" : s.medicalProvinceName();
        List<HospitalSettlement.Diagnosis> diagnoses = s.diagnoses() == null ? List.of() : s.diagnoses();
        List<String> secondary = diagnoses.stream().skip(1).map(SettlementSlips::diagnosis).toList();
        PdfDocument.Builder b = PdfDocument.titled(province + TITLE + (s.reversed() ? "（" + REVERSED + "）" : ""))
                .header("结算单号", s.settlementNo());
        if (s.reversed()) {
            b.header("状态", REVERSED);
        }
        b.header("单位", UNIT)
                // 附件6 row by row: the person, 参保地, 就医地 and hospital, the admission, the diagnoses, the dates
                .section(null, 4, f -> f
                        .field("患者姓名", text(s.personName()))
                        .field("性别", s.sex() == null ? DASH : s.sex().label())
                        .field("年龄", String.valueOf(s.age()))
                        .field("社会保障号码", text(idNumber))
                        .field("社会保障卡卡号", text(cardNo))
                        .field("参保地", text(s.insuredAreaName()))
                        .field("险种类型", text(s.insuranceType()))
                        .field("就医地", text(s.medicalAreaName()))
                        .field("医院名称", text(s.hospitalName()))
                        .field("医院等级", text(s.hospitalGradeName()))
                        .field("入院方式", s.admissionWay() == null ? DASH : s.admissionWay().label())
                        .field("住院号", text(s.inpatientNo()))
                        .field("出院科室", text(s.dischargeDepartment()))
                        .wide("主要诊断", diagnoses.isEmpty() ? DASH : diagnosis(diagnoses.get(0)))
                        .wide("次要诊断", secondary.isEmpty() ? DASH : String.join("；", secondary))
                        .field("入院日期", text(s.admissionDate()))
                        .field("出院日期", text(s.dischargeDate()))
                        .field("住院天数", "共 " + s.days() + " 天"))
                .section(null, 4, f -> f
                        .field("总费用", amount(s.total()))
                        .field("统筹内费用", amount(s.inScope()))
                        .field("自费费用", amount(s.selfPaid()))
                        .field("本次起付标准", amount(s.deductible())))
                .table(null, List.of("基金支付合计", "基金支付金额", "个人现金支付"), fundRows(s));
        if (s.reversed() && s.reversal() != null) {
            b.paragraphs("冲正说明", "本结算已于 " + MINUTES.format(s.reversal().reversedAt()) + " 冲正，原因："
                    + text(s.reversal().reason()) + "。本结算单作废，以重新结算后的结算单为准。");
        }
        return b.author(s.hospitalName()).build();
    }

    /**
     * The fund table as 附件6 draws it: under the header the totals (基金支付合计, 个人现金支付), then one
     * row per fund of the insured area's policy, in its paying order, by its name with its amount.
     */
    static List<List<String>> fundRows(HospitalSettlement s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(amount(s.fundsTotal()), "", amount(s.personalCash())));
        for (HospitalSettlement.Fund fund : s.funds()) {
            rows.add(List.of(text(fund.name()), amount(fund.amount()), ""));
        }
        return rows;
    }

    /** {@code 25,500.00}: two decimals, thousands separated, as 单位：元（保留两位小数） asks. */
    static String amount(Money m) {
        return m == null ? DASH : m.grouped();
    }

    private static String diagnosis(HospitalSettlement.Diagnosis d) {
        return d.name() == null ? d.code() : d.code() + " " + d.name();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? DASH : value.toString();
    }
}
