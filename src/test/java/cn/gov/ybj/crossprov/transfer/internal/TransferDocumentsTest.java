package cn.gov.ybj.crossprov.transfer.internal;

import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.transfer.internal.TransferDocumentData.Agency;
import cn.gov.ybj.crossprov.transfer.internal.TransferDocumentData.Period;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the 参保(合)凭证 and the 信息表 of an invented transfer from 北京市西城区 to 厦门市思明区
 * and reads their text back with PDFBox. The PDFs are written to {@code target/documents/}.
 */
class TransferDocumentsTest {

    private final TransferDocuments documents = new TransferDocuments(new Documents());

    static TransferDocumentData sample() {
        return new TransferDocumentData("BJ11-000123", 8, LocalDate.of(2024, 11, 5), "王小明", "男",
                LocalDate.of(1980, 1, 1), "110102198001010012", "13800138000", "职工基本医疗保险", "在职职工",
                "110102", "北京市西城区", "350203", "厦门市思明区",
                List.of(new Period("福建省厦门市思明区", "职工基本医疗保险", YearMonth.of(2015, 7), YearMonth.of(2019, 2), 44),
                        new Period("北京市西城区", "职工基本医疗保险", YearMonth.of(2019, 3), YearMonth.of(2022, 12), 46),
                        new Period("北京市西城区", "职工基本医疗保险", YearMonth.of(2023, 2), YearMonth.of(2024, 10), 21)),
                111, Money.yuan("1234.50"), false, LocalDate.of(2024, 11, 4),
                new Agency("北京市西城区社会保险基金管理中心", "北京市西城区德胜门内大街", "110102", null, null, "010-63011111"));
    }

    @Test
    void certificateCarriesEveryFieldOfTheSeedLayout() throws IOException {
        String text = text(documents.certificate(sample()), "transfer-certificate.pdf");
        assertThat(text).contains("基本医疗保险参保(合)凭证",
                "凭证号：BJ11-000123", "流水号：8", "打印时间：2024-11-05",
                "基本信息", "姓名", "王小明", "身份证号(社会保障号)", "110102198001010012", "户籍所在地", "户籍类型",
                "参保信息", "基本医疗保险类型", "职工基本医疗保险", "转出地", "北京市西城区",
                "参保(合)时间", "起：2019-03", "止：2024-10", "其中累计实际缴费月数", "111",
                "个人账户余额", "大写：壹仟贰佰叁拾肆元伍角整", "小写：¥1,234.50",
                "转出地社会保险经办机构信息", "机构名称", "北京市西城区社会保险基金管理中心（盖章）",
                "地址", "北京市西城区德胜门内大街", "行政区划代码", "110102", "邮政编码", "联系人",
                "联系电话", "010-63011111",
                "填表说明：", "注意事项", TransferDocuments.CLOSING, "第 1 页 / 共 1 页");
        // 户籍所在地, 户籍类型, 邮政编码 and 联系人 are not known: a dash each
        assertThat(text.split(TransferDocuments.DASH, -1)).hasSizeGreaterThanOrEqualTo(5);
        String compact = compact(text);
        for (String line : TransferDocuments.FILLING_NOTES) {
            assertThat(compact).contains(compact(line));
        }
        for (String line : TransferDocuments.NOTICES) {
            assertThat(compact).contains(compact(line));
        }
        assertThat(text).doesNotContain("2015-07"); // 起 is the out-area's first month, not the first period's
    }

    @Test
    void informationSheetListsThePeriodsAndTheBalance() throws IOException {
        String text = text(documents.informationSheet(sample()), "transfer-information-sheet.pdf");
        assertThat(text).contains("参保人员基本医疗保险信息表", "编号：BJ11-000123", "流水号：8",
                "姓名", "王小明", "性别", "男", "出生日期", "1980-01-01", "身份证号", "110102198001010012",
                "险种类型", "职工基本医疗保险", "人员类型", "在职职工", "联系电话", "13800138000",
                "转出地", "医保区划名称", "北京市西城区", "医保区划代码", "110102", "经办机构", "北京市西城区社会保险基金管理中心",
                "转入地", "厦门市思明区", "350203",
                "序号", "参保地", "险种", "起始年月", "终止年月", "月数",
                "累计月数", "111", "转出日期", "2024-11-04",
                "个人账户余额", "大写：壹仟贰佰叁拾肆元伍角整", "小写：¥1,234.50", "划转状态", "未划转",
                "说明", "请以本《信息表》为准");
        assertThat(text).containsPattern("1\\s+福建省厦门市思明区\\s+职工基本医疗保险\\s+2015-07\\s+2019-02\\s+44")
                .containsPattern("2\\s+北京市西城区\\s+职工基本医疗保险\\s+2019-03\\s+2022-12\\s+46")
                .containsPattern("3\\s+北京市西城区\\s+职工基本医疗保险\\s+2023-02\\s+2024-10\\s+21");
        String compact = compact(text);
        for (String line : TransferDocuments.SHEET_NOTES) {
            assertThat(compact).contains(compact(line));
        }
    }

    @Test
    void anOpenPeriodRunsToTodayAndAMissingBalanceIsADash() throws IOException {
        TransferDocumentData s = sample();
        TransferDocumentData open = new TransferDocumentData(s.certificateNo(), s.serialNo(), s.printedOn(), s.name(),
                s.sex(), s.birthDate(), s.idNumber(), null, s.insuranceTypeLabel(), null, s.outAreaCode(),
                s.outAreaName(), s.inAreaCode(), s.inAreaName(),
                List.of(new Period("北京市西城区", "职工基本医疗保险", YearMonth.of(2023, 2), null, 21)),
                21, null, true, null, null);
        assertThat(TransferDocuments.outAreaSpan(open)).isEqualTo("起：2023-02\n止：至今");
        String sheet = text(documents.informationSheet(open), "transfer-information-sheet-open.pdf");
        assertThat(sheet).containsPattern("1\\s+北京市西城区\\s+职工基本医疗保险\\s+2023-02\\s+至今\\s+21");
        assertThat(sheet).doesNotContain("¥", "已划转", "未划转");
        String certificate = text(documents.certificate(open), "transfer-certificate-open.pdf");
        assertThat(certificate).contains("起：2023-02", "止：至今", "（盖章）");
    }

    private static String text(byte[] pdf, String name) throws IOException {
        Path file = Path.of("target/documents", name);
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
