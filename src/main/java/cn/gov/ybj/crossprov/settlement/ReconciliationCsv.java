package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.Money;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 日对账 as CSV for Excel: UTF-8 with a byte-order mark (Excel then reads the Chinese), the province
 * pairs first, then the mismatches with their settlement numbers. No personal data is in it.
 */
public final class ReconciliationCsv {

    private ReconciliationCsv() {
    }

    public static String fileName(Reconciliation r) {
        return "reconciliation-" + r.date() + ".csv";
    }

    public static byte[] of(Reconciliation r, Locale locale, Function<String, String> provinceNames) {
        boolean en = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, en ? "Daily reconciliation" : "跨省异地就医日对账", r.date().toString(),
                r.matches() ? (en ? "matches" : "相符") : (en ? r.mismatchCount() + " mismatches" : "不符 " + r.mismatchCount() + " 笔"));
        line(out, en ? List.of("Medical province", "Insured province",
                        "Hospitals: count", "Hospitals: total", "Hospitals: funds", "Hospitals: personal cash", "Hospitals: reversed",
                        "Insured area: count", "Insured area: total", "Insured area: funds", "Insured area: personal cash", "Insured area: reversed",
                        "Mismatches")
                : List.of("就医省", "参保省", "医院笔数", "医院总费用", "医院基金支付", "医院个人现金支付", "医院冲正笔数",
                        "参保地笔数", "参保地总费用", "参保地基金支付", "参保地个人现金支付", "参保地冲正笔数", "不符笔数"));
        for (Reconciliation.Pair p : r.pairs()) {
            line(out, Stream.concat(Stream.of(provinceNames.apply(p.medicalProvince()), provinceNames.apply(p.insuredProvince())),
                    Stream.concat(side(p.hospital()), Stream.concat(side(p.platform()), Stream.of(String.valueOf(p.mismatches())))))
                    .toList());
        }
        line(out, Stream.concat(Stream.of(en ? "Total" : "合计", ""), Stream.concat(side(r.hospital()),
                Stream.concat(side(r.platform()), Stream.of(String.valueOf(r.mismatchCount()))))).toList());
        if (!r.mismatches().isEmpty()) {
            out.append("\r\n");
            line(out, en ? List.of("Institution", "Settlement no.", "Medical province", "Insured province", "Mismatch",
                            "Hospital: status", "Hospital: total", "Hospital: funds", "Hospital: personal cash",
                            "Insured area: status", "Insured area: total", "Insured area: funds", "Insured area: personal cash")
                    : List.of("医疗机构编码", "结算单号", "就医省", "参保省", "不符类型", "医院状态", "医院总费用", "医院基金支付",
                            "医院个人现金支付", "参保地状态", "参保地总费用", "参保地基金支付", "参保地个人现金支付"));
            for (Reconciliation.Mismatch m : r.mismatches()) {
                line(out, Stream.concat(Stream.of(m.institutionCode(), m.settlementNo(), provinceNames.apply(m.medicalProvince()),
                                provinceNames.apply(m.insuredProvince()), en ? m.kind().labelEn() : m.kind().label()),
                        Stream.concat(line(m.hospital(), en), line(m.platform(), en))).toList());
            }
            if (r.truncated()) {
                line(out, en ? "Only the first " + r.mismatches().size() + " of " + r.mismatchCount() + " are listed"
                        : "仅列出前 " + r.mismatches().size() + " 笔，共 " + r.mismatchCount() + " 笔");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Stream<String> side(Reconciliation.Side s) {
        return Stream.of(String.valueOf(s.count()), amount(s.total()), amount(s.fundsTotal()), amount(s.personalCash()),
                String.valueOf(s.reversed()));
    }

    private static Stream<String> line(Reconciliation.Line l, boolean en) {
        if (l == null) {
            return Stream.of("", "", "", "");
        }
        boolean reversed = HospitalSettlement.REVERSED.equals(l.status());
        String status = en ? (reversed ? "reversed" : "settled") : (reversed ? "已冲正" : "已结算");
        return Stream.of(status, amount(l.total()), amount(l.fundsTotal()), amount(l.personalCash()));
    }

    private static String amount(Money m) {
        return m.yuan().toPlainString();
    }

    private static void line(StringBuilder out, String... cells) {
        line(out, List.of(cells));
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(ReconciliationCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralized so that Excel never runs a cell as a formula. */
    private static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        return s.matches(".*[\",\r\n].*") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
