package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 住院结算单 (附件6) without a database: the document {@link SettlementSlips} builds from a
 * settlement, rendered and read back with PDFBox. The 002 example of 老张 (杨凌 职工, 三级, 25,000 all in
 * scope → funds 17,500, person 7,500) with three funds of the policy by their names, a reversed slip,
 * a settlement uploaded before V19 (no slip fields) and the days rule. The sample PDFs are written to
 * {@code target/documents/}.
 */
class SettlementSlipTest {

    private final Documents documents = new Documents();

    static HospitalSettlement laoZhang(String status, HospitalSettlement.Reversal reversal) {
        IdNumber id = IdNumber.of("610403195803120012");
        LocalDate admission = LocalDate.of(2017, 12, 1);
        LocalDate discharge = LocalDate.of(2017, 12, 15);
        return new HospitalSettlement("BJ-2017-0001", "1100001006723", status, false, "老张", id.masked(), id.sex(),
                id.ageOn(admission), "A01*****4567", "610403", "陕西省杨凌示范区", "陕西省", "城镇职工基本医疗保险", "110105",
                "北京市朝阳区", "北京市", "首都医科大学附属北京安贞医院", "三级甲等", HospitalGrade.GRADE_3, "ZY20171201",
                AdmissionWay.TRANSFER, "心血管内科", admission, discharge, HospitalSettlement.inpatientDays(admission, discharge),
                Money.yuan("1234567.80"), Money.yuan("25000"), Money.yuan("1209567.80"), Money.yuan("1000"),
                List.of(new HospitalSettlement.Fund("POOLING", "统筹基金", Money.yuan("17500")),
                        new HospitalSettlement.Fund("LARGE_AMOUNT", "大额医疗费用补助", Money.yuan("0")),
                        new HospitalSettlement.Fund("CIVIL_SERVANT", "公务员医疗补助", Money.yuan("0.05"))),
                Money.yuan("17500.05"), Money.yuan("1217067.75"),
                new HospitalSettlement.Policy("610403", "EMPLOYEE", "IN_SERVICE", LocalDate.of(2017, 1, 1)),
                List.of("I21.900", "I10.X00", "E11.900"),
                List.of(new HospitalSettlement.Diagnosis("I21.900", "急性心肌梗死"),
                        new HospitalSettlement.Diagnosis("I10.X00", "原发性高血压"), new HospitalSettlement.Diagnosis("E11.900", null)),
                Instant.parse("2017-12-15T02:00:00Z"), reversal);
    }

    String render(HospitalSettlement s, String id, String card, String file) throws IOException {
        byte[] pdf = documents.render(SettlementSlips.document(s, id, card));
        Path out = Path.of("target/documents");
        Files.createDirectories(out);
        Files.write(out.resolve(file), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(doc);
        }
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }

    @Test
    void everyFieldOfTheSeedLayoutWithItsValue() throws IOException {
        String text = render(laoZhang(HospitalSettlement.SETTLED, null), "610403195803120012", "A01234567", "slip.pdf");
        List<String> lines = lines(text);
        assertThat(lines).startsWith("北京市跨省异地就医住院结算单");
        assertThat(text).contains("结算单号：BJ-2017-0001", "单位：元（保留两位小数）").doesNotContain("已冲正", "冲正");
        assertThat(lines).containsSubsequence(
                "患者姓名 老张 性别 男",
                // born 1958-03-12, admitted 2017-12-01: 59 full years
                "年龄 59 社会保障号码 610403195803120012",
                "社会保障卡卡号 A01234567 参保地 陕西省杨凌示范区",
                "险种类型 城镇职工基本医疗保险 就医地 北京市朝阳区",
                // a long name wraps inside its cell
                "医院名称",
                "医院等级 三级甲等",
                "入院方式 转院 住院号 ZY20171201",
                "出院科室 心血管内科",
                "主要诊断 I21.900 急性心肌梗死",
                "次要诊断 I10.X00 原发性高血压；E11.900",
                "入院日期 2017-12-01 出院日期 2017-12-15",
                "住院天数 共 14 天",
                "总费用 1,234,567.80 统筹内费用 25,000.00",
                "自费费用 1,209,567.80 本次起付标准 1,000.00",
                "基金支付合计 基金支付金额 个人现金支付",
                "17,500.05 1,217,067.75",
                // the policy's names in its order, not codes
                "统筹基金 17,500.00",
                "大额医疗费用补助 0.00",
                "公务员医疗补助 0.05",
                "第 1 页 / 共 1 页");
        assertThat(String.join("", lines)).contains("医院名称首都医科大学附属北京安贞医院医院等级 三级甲等");
        assertThat(text).doesNotContain("POOLING", "LARGE_AMOUNT", "CIVIL_SERVANT", "610*****0012");
    }

    @Test
    void aReversedSettlementIsMarkedInTitleHeaderAndText() throws IOException {
        HospitalSettlement s = laoZhang(HospitalSettlement.REVERSED, new HospitalSettlement.Reversal("费用录入错误",
                "provincial:service-account-hospital-system", Instant.parse("2017-12-15T06:30:00Z")));
        String text = render(s, "610403195803120012", null, "slip-reversed.pdf");
        List<String> lines = lines(text);
        assertThat(lines.get(0)).isEqualTo("北京市跨省异地就医住院结算单（已冲正）");
        // Beijing time of the reversal; no card number uploaded: 「—」
        assertThat(text).contains("状态：已冲正", "本结算已于 2017-12-15 14:30 冲正，原因：费用录入错误。本结算单作废");
        assertThat(lines).contains("社会保障卡卡号 — 参保地 陕西省杨凌示范区");
    }

    @Test
    void aSettlementFromBeforeTheSlipFieldsPrintsDashes() throws IOException {
        HospitalSettlement full = laoZhang(HospitalSettlement.SETTLED, null);
        // as SettlementStore reads a row of V18: no names, no 住院号, 入院方式, 科室, card or diagnosis names
        HospitalSettlement old = new HospitalSettlement(full.settlementNo(), full.institutionCode(), full.status(), false,
                full.personName(), full.personIdNumber(), full.sex(), full.age(), null, full.insuredAreaCode(), null, null,
                full.insuranceType(), full.medicalAreaCode(), null, null, null, null, full.hospitalGrade(), null, null, null,
                full.admissionDate(), full.dischargeDate(), full.days(), full.total(), full.inScope(), full.selfPaid(),
                full.deductible(), full.funds(), full.fundsTotal(), full.personalCash(), full.policy(), List.of("I21.900"),
                List.of(new HospitalSettlement.Diagnosis("I21.900", null)), full.settledAt(), null);
        List<String> lines = lines(render(old, "610403195803120012", null, "slip-v18.pdf"));
        assertThat(lines.get(0)).isEqualTo("跨省异地就医住院结算单");
        assertThat(lines).contains("入院方式 — 住院号 —", "出院科室 —", "主要诊断 I21.900", "次要诊断 —", "医院名称 — 医院等级 —");
    }

    @Test
    void daysAreDischargeMinusAdmissionAtLeastOne() {
        LocalDate day = LocalDate.of(2026, 2, 27);
        assertThat(HospitalSettlement.inpatientDays(day, day)).isEqualTo(1);
        assertThat(HospitalSettlement.inpatientDays(day, day.plusDays(1))).isEqualTo(1);
        assertThat(HospitalSettlement.inpatientDays(day, day.plusDays(2))).isEqualTo(2);
        // across the end of February and of a year
        assertThat(HospitalSettlement.inpatientDays(day, LocalDate.of(2026, 3, 2))).isEqualTo(3);
        assertThat(HospitalSettlement.inpatientDays(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2))).isEqualTo(3);
    }

    @Test
    void amountsHaveTwoDecimalsAndThousandsSeparators() {
        assertThat(SettlementSlips.amount(Money.yuan("25000"))).isEqualTo("25,000.00");
        assertThat(SettlementSlips.amount(Money.yuan("0.5"))).isEqualTo("0.50");
        assertThat(SettlementSlips.amount(Money.yuan("9999999999.99"))).isEqualTo("9,999,999,999.99");
        assertThat(SettlementSlips.amount(null)).isEqualTo("—");
    }
}
