package cn.gov.ybj.crossprov.transfer.internal;

import cn.gov.ybj.crossprov.documents.ChineseAmount;
import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.shared.Money;
import cn.gov.ybj.crossprov.transfer.internal.TransferDocumentData.Agency;
import cn.gov.ybj.crossprov.transfer.internal.TransferDocumentData.Period;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The two documents of a transfer-out (基本医疗保险关系转移接续暂行办法): the
 * 基本医疗保险参保(合)凭证 the person takes to the in-area (layout of seed 001, 打印业务), and the
 * 参保人员基本医疗保险信息表 the out-area agency produces at transfer-out, which counts when the
 * two differ (填表说明 ③).
 * <p>
 * Both print the full ID number: the certificate is the person's own document and the 信息表 goes
 * from agency to agency to identify the person; lists and screens elsewhere mask it
 * ({@code IdNumber.mask}). Serve the bytes to the person or clerk the case belongs to only.
 */
@Component
public class TransferDocuments {

    static final String DASH = "—";
    static final String[] FILLING_NOTES = {
            "①尚未将社会保障号作为城镇职工基本医疗保险、城镇居民基本医疗保险参保人员唯一身份识别码的统筹区填写医疗保险编号。",
            "②此表由参保人员转出地经办机构提供。",
            "③说明：由于打印《参保缴费凭证》与生成《信息表》存在时间间隔，期间可能因还欠费、计费等原因导致《参保缴费凭证》与"
                    + "《信息表》中所示金额不一致，请以《信息表》为准。"};
    static final String[] NOTICES = {
            "1. 本凭证是根据国家有关规定制发，是参保的权益记录以及申请办理基本医疗保险关系转移接收手续的重要凭证，请妥善保管。",
            "2. 跨统筹地区流动就业人员，有接收单位的，将此凭证交由单位按照规定办理参保接续手续。",
            "3. 其他跨统筹地区流动就业人员，应携带此凭证及有效证件在2个月内到指定经办机构办理相关接续手续。",
            "4. 本凭证如不慎丢失，请与出具此凭证的机构联系，申请补办。"};
    static final String CLOSING = "人力资源和社会保障部 国家卫生和计划生育委员会监制";
    static final String[] SHEET_NOTES = {
            "1. 本表由参保人员转出地医疗保障经办机构在办理基本医疗保险关系转出时生成，随转移接续手续提供给转入地经办机构。",
            "2. 由于打印《参保缴费凭证》与生成本《信息表》存在时间间隔，期间可能因还欠费、计费等原因导致两者所示金额不一致，"
                    + "请以本《信息表》为准。",
            "3. 累计月数按自然月计算，同一月份在多地或多个险种参保缴费的只计一次。"};

    private final Documents documents;

    TransferDocuments(Documents documents) {
        this.documents = documents;
    }

    /** 基本医疗保险参保(合)凭证 as PDF. 户籍所在地 and 户籍类型 are not held by the registry and print as 「—」. */
    public byte[] certificate(TransferDocumentData d) {
        Agency agency = Objects.requireNonNullElse(d.outAgency(), new Agency(null, null, null, null, null, null));
        PdfDocument document = PdfDocument.titled("基本医疗保险参保(合)凭证")
                .header("凭证号", text(d.certificateNo()))
                .header("流水号", String.valueOf(d.serialNo()))
                .header("打印时间", text(d.printedOn()))
                .section("基本信息", 4, s -> s
                        .field("姓名", text(d.name()))
                        // the person's own document: the full number, as they need it at the in-area
                        .field("身份证号(社会保障号)", text(d.idNumber()))
                        .field("户籍所在地", DASH)
                        .field("户籍类型", DASH))
                .section("参保信息", 4, s -> s
                        .field("基本医疗保险类型", text(d.insuranceTypeLabel()))
                        .field("转出地", text(d.outAreaName()))
                        .field("参保(合)时间", outAreaSpan(d))
                        .field("其中累计实际缴费月数", String.valueOf(d.accumulatedMonths()))
                        .wide("个人账户余额", balance(d.balance())))
                .section("转出地社会保险经办机构信息", 4, s -> s
                        .wide("机构名称", text(agency.name()) + "（盖章）")
                        .wide("地址", text(agency.address()))
                        .field("行政区划代码", text(agency.areaCode()))
                        .field("邮政编码", text(agency.postcode()))
                        .field("联系人", text(agency.contact()))
                        .field("联系电话", text(agency.phone())))
                .paragraphs("填表说明：", FILLING_NOTES)
                .paragraphs("注意事项", NOTICES)
                .closingLine(CLOSING)
                .author(agency.name())
                .build();
        return documents.render(document);
    }

    /** 参保人员基本医疗保险信息表 as PDF: the person, both areas, every contribution period and the balance. */
    public byte[] informationSheet(TransferDocumentData d) {
        Agency agency = Objects.requireNonNullElse(d.outAgency(), new Agency(null, null, null, null, null, null));
        List<List<String>> rows = new ArrayList<>();
        for (Period p : d.periods()) {
            rows.add(List.of(String.valueOf(rows.size() + 1), text(p.areaName()), text(p.insuranceTypeLabel()),
                    text(p.from()), p.to() == null ? "至今" : p.to().toString(), String.valueOf(p.months())));
        }
        PdfDocument document = PdfDocument.titled("参保人员基本医疗保险信息表")
                .header("编号", text(d.certificateNo()))
                .header("流水号", String.valueOf(d.serialNo()))
                .section("基本信息", 4, s -> s
                        .field("姓名", text(d.name()))
                        .field("性别", text(d.sex()))
                        .field("出生日期", text(d.birthDate()))
                        // passed from agency to agency to identify the person: the full number
                        .field("身份证号", text(d.idNumber()))
                        .field("险种类型", text(d.insuranceTypeLabel()))
                        .field("人员类型", text(d.personTypeLabel()))
                        .field("联系电话", text(d.phone())))
                .section("转出地", 4, s -> s
                        .field("医保区划名称", text(d.outAreaName()))
                        .field("医保区划代码", text(d.outAreaCode()))
                        .wide("经办机构", text(agency.name())))
                .section("转入地", 4, s -> s
                        .field("医保区划名称", text(d.inAreaName()))
                        .field("医保区划代码", text(d.inAreaCode()))
                        .wide("经办机构", DASH))
                .table("参保缴费记录", List.of("序号", "参保地", "险种", "起始年月", "终止年月", "月数"), rows)
                .section("转移信息", 4, s -> s
                        .field("累计月数", String.valueOf(d.accumulatedMonths()))
                        .field("转出日期", text(d.transferredOutOn()))
                        .wide("个人账户余额", balance(d.balance()))
                        .field("划转状态", d.balance() == null ? DASH : d.balanceTransferred() ? "已划转" : "未划转"))
                .paragraphs("说明", SHEET_NOTES)
                .author(agency.name())
                .build();
        return documents.render(document);
    }

    /** 起/止 of the certificate: the first and last month of the periods in the out-area (止 至今 while one is open). */
    static String outAreaSpan(TransferDocumentData d) {
        List<Period> out = d.periods().stream()
                .filter(p -> p.from() != null && Objects.equals(p.areaName(), d.outAreaName())).toList();
        if (out.isEmpty()) {
            return "起：" + DASH + "\n止：" + DASH;
        }
        YearMonth from = out.stream().map(Period::from).min(Comparator.naturalOrder()).orElseThrow();
        boolean open = out.stream().anyMatch(p -> p.to() == null);
        String to = open ? "至今" : out.stream().map(Period::to).max(Comparator.naturalOrder()).orElseThrow().toString();
        return "起：" + from + "\n止：" + to;
    }

    private static String balance(Money balance) {
        if (balance == null) {
            return DASH;
        }
        return "大写：" + ChineseAmount.inWords(balance) + "　　小写：" + ChineseAmount.inFigures(balance);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? DASH : value;
    }

    /** A date (2024-11-05) or month (2024-11) in ISO form. */
    private static String text(Temporal value) {
        return value == null ? DASH : value.toString();
    }
}
