package cn.gov.ybj.crossprov.documents;

import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders documents and reads them back with PDFBox's text extraction: the text only comes back
 * when the embedded font subset maps its glyphs to Unicode. The sample certificate is written to
 * {@code target/documents/} to look at ({@code pdftoppm -png -r 80 …}).
 */
class DocumentsTest {

    private static final String[] FILLING_NOTES = {
            "①尚未将社会保障号作为城镇职工基本医疗保险、城镇居民基本医疗保险参保人员唯一身份识别码的统筹区填写医疗保险编号。",
            "②此表由参保人员转出地经办机构提供。",
            "③说明：由于打印《参保缴费凭证》与生成《信息表》存在时间间隔，期间可能因还欠费、计费等原因导致《参保缴费凭证》与《信息表》中所示金额不一致，请以《信息表》为准。"};
    private static final String[] NOTICES = {
            "1. 本凭证是根据国家有关规定制发，是参保的权益记录以及申请办理基本医疗保险关系转移接收手续的重要凭证，请妥善保管。",
            "2. 跨统筹地区流动就业人员，有接收单位的，将此凭证交由单位按照规定办理参保接续手续。",
            "3. 其他跨统筹地区流动就业人员，应携带此凭证及有效证件在2个月内到指定经办机构办理相关接续手续。",
            "4. 本凭证如不慎丢失，请与出具此凭证的机构联系，申请补办。"};

    private final Documents documents = new Documents();

    /** The 基本医疗保险参保(合)凭证 of seed 001, with invented values. */
    static PdfDocument certificate() {
        Money balance = Money.yuan("1234.50");
        return PdfDocument.titled("基本医疗保险参保(合)凭证")
                .header("凭证号", "BJ11-000123")
                .header("流水号", "20241105000008")
                .header("打印时间", "2024-11-05 09:30")
                .section("基本信息", 4, s -> s
                        .field("姓名", "王小明")
                        .field("身份证号(社会保障号)", IdNumber.mask("110102198001010012"))
                        .field("户籍所在地", "北京市西城区")
                        .field("户籍类型", "非农业户口(城镇)"))
                .section("参保信息", 4, s -> s
                        .field("基本医疗保险类型", "职工基本医疗保险")
                        .field("转出地", "北京市西城区")
                        .field("参保(合)时间", "起：2019-03\n止：2024-10")
                        .field("其中累计实际缴费月数", "68")
                        .wide("个人账户余额", "大写：" + ChineseAmount.inWordsWithPrefix(balance)
                                + "　　小写：" + ChineseAmount.inFigures(balance)))
                .section("转出地社会保险经办机构信息", 4, s -> s
                        .wide("机构名称", "北京市西城区医疗保障事务中心（盖章）")
                        .wide("地址", "北京市西城区示例大街 100 号")
                        .field("行政区划代码", "110102")
                        .field("邮政编码", "100035")
                        .field("联系人", "李经办")
                        .field("联系电话", "010-12345678"))
                .paragraphs("填表说明：", FILLING_NOTES)
                .paragraphs("注意事项", NOTICES)
                .closingLine("人力资源和社会保障部 国家卫生和计划生育委员会监制")
                .author("北京市西城区医疗保障事务中心")
                .createdAt(Instant.parse("2024-11-05T01:30:00Z"))
                .build();
    }

    @Test
    void certificateTextComesBackFromThePdf() throws IOException {
        byte[] pdf = documents.render(certificate());
        Path file = Path.of("target/documents/certificate.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("基本医疗保险参保(合)凭证");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("北京市西城区医疗保障事务中心");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(Instant.parse("2024-11-05T01:30:00Z"));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");

            String text = text(doc);
            assertThat(text).contains("基本医疗保险参保(合)凭证",
                    "凭证号：BJ11-000123", "流水号：20241105000008", "打印时间：2024-11-05 09:30",
                    "基本信息", "姓名", "王小明", "身份证号(社会保障号)", "110*****0012", "户籍所在地", "北京市西城区",
                    "户籍类型", "非农业户口(城镇)",
                    "参保信息", "基本医疗保险类型", "职工基本医疗保险", "转出地", "参保(合)时间", "起：2019-03", "止：2024-10",
                    "其中累计实际缴费月数", "68",
                    "个人账户余额", "大写：人民币壹仟贰佰叁拾肆元伍角整", "小写：¥1,234.50",
                    "转出地社会保险经办机构信息", "机构名称", "北京市西城区医疗保障事务中心（盖章）",
                    "行政区划代码", "110102", "邮政编码", "100035", "联系人", "李经办", "联系电话", "010-12345678",
                    "填表说明：", "注意事项",
                    "人力资源和社会保障部 国家卫生和计划生育委员会监制",
                    "第 1 页 / 共 1 页");
            assertThat(text).doesNotContain("110102198001010012");
            String compact = text.replaceAll("\\s+", "");
            for (String paragraph : FILLING_NOTES) {
                assertThat(compact).contains(paragraph.replaceAll("\\s+", ""));
            }
            for (String paragraph : NOTICES) {
                assertThat(compact).contains(paragraph.replaceAll("\\s+", ""));
            }
            // wrapped lines never start with closing punctuation
            assertThat(text.lines().map(String::strip)).noneMatch(line -> line.startsWith("，") || line.startsWith("。")
                    || line.startsWith("、") || line.startsWith("》"));
        }
    }

    @Test
    void theFontIsEmbeddedAsASubsetAndTheFileStaysSmall() throws IOException {
        byte[] pdf = documents.render(certificate());
        assertThat(pdf.length).as("PDF size in bytes").isLessThan(500 * 1024);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fonts(doc);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
                assertThat(font.isEmbedded()).isTrue();
                PDType0Font type0 = (PDType0Font) font;
                assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2()).as("TrueType glyphs embedded").isNotNull();
                assertThat(type0.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)).as("ToUnicode map").isNotNull();
            });
        }
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            documents.render(certificate());
        }
        System.out.printf("sample certificate: %,d bytes, %d ms a render%n", pdf.length, (System.nanoTime() - start) / 5_000_000);
    }

    @Test
    void aLongTableRunsOverPagesWithItsHeaderRepeated() throws IOException {
        List<List<String>> rows = IntStream.rangeClosed(1, 120)
                .mapToObj(i -> List.of(String.valueOf(i), "2010-%02d".formatted(i % 12 + 1), "2010-%02d".formatted(i % 12 + 1),
                        "北京市西城区", Money.yuan(i * 10L + 0.5 + "").toString()))
                .map(List::copyOf).toList();
        String longValue = "很长的说明文字，".repeat(900);
        PdfDocument document = PdfDocument.titled("参保人员基本医疗保险信息表")
                .header("流水号", "1")
                .section("个人信息", 2, s -> s.field("姓名", "王小明").field("备注", longValue))
                .table("缴费明细", List.of("序号", "起始年月", "终止年月", "参保地", "金额(元)"), rows)
                .build();
        byte[] pdf = documents.render(document);
        Files.write(Files.createDirectories(Path.of("target/documents")).resolve("long-table.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(4);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            int tablePages = 0;
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertThat(page).contains("第 " + p + " 页 / 共 " + pages + " 页");
                if (page.contains("2010-")) {
                    tablePages++;
                    assertThat(page).as("header on page %d", p).contains("起始年月", "终止年月", "金额(元)");
                }
            }
            assertThat(tablePages).isGreaterThanOrEqualTo(2);
            String all = text(doc);
            assertThat(all).contains("120 2010-01 2010-01 北京市西城区 1200.50");
            // the long value runs over pages: without the page footers it comes back whole
            assertThat(all.replaceAll("\\s+", "").replaceAll("第\\d+页/共\\d+页", "")).contains(longValue);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(doc)).as("a row taller than a page starts on the page it comes to")
                    .contains("备注", "很长的说明文字");
        }
    }

    @Test
    void charactersWithoutAGlyphAndControlCharactersDoNotBreakTheDocument() throws IOException {
        PdfDocument document = PdfDocument.titled("测试")
                .section(null, 2, s -> s.field("表情", "A😀B").field("零宽", "C\u200BD\tE").field("空", null))
                .paragraphs(null, "甲\r\n乙")
                .build();
        try (PDDocument doc = Loader.loadPDF(documents.render(document))) {
            String text = text(doc);
            assertThat(text).contains("A□B", "CD E", "甲", "乙");
        }
    }

    @Test
    void rendersConcurrentlyWithTheSameResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                texts.add(pool.submit(() -> {
                    try (PDDocument doc = Loader.loadPDF(documents.render(certificate()))) {
                        return text(doc);
                    }
                }));
            }
            String first = texts.get(0).get();
            for (Future<String> text : texts) {
                assertThat(text.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesWhatCannotBeLaidOut() {
        assertThatThrownBy(() -> PdfDocument.titled(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdfDocument.titled("凭证").section("x", 3, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 or 4");
        assertThatThrownBy(() -> PdfDocument.titled("凭证").table("x", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String text(PDDocument doc) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(doc);
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }
}
