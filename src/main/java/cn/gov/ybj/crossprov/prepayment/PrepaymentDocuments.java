package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.documents.ChineseAmount;
import cn.gov.ybj.crossprov.documents.ChineseDate;
import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.Money;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prepayment's files: the year's pairs as the officer sees them (Excel and PDF: quota, last year's,
 * the adjustment, the prepayment now, the last usage and band), and a province's 预付金额度调整付款通知书
 * (附件4-1: per receiving province 上年额度 / 本年核定额度 / 实际划款额度 = 2 − 1) or 收款通知书 (附件4-2: per
 * paying province the amount), amounts in 万元 exact to the fen ({@link #wan}).
 */
@Service
public class PrepaymentDocuments {

    static final String UNIT = "万元";
    static final String TABLE_TITLE = "跨省异地就医预付金额度及使用率明细";

    /** 附件4-1 and 4-2 */
    public enum Notice {
        PAYMENT("预付金额度调整付款通知书", "预付金付款通知书"), RECEIPT("预付金额度调整收款通知书", "预付金收款通知书");

        private final String title;
        private final String initialTitle;

        Notice(String title, String initialTitle) {
            this.title = title;
            this.initialTitle = initialTitle;
        }

        /** 附件4-1 / 4-2, or in the initial year (第十七条) 附件2 / 3 */
        public String title(PrepaymentYear.Kind kind) {
            return kind == PrepaymentYear.Kind.INITIAL ? initialTitle : title;
        }
    }

    private final Prepayments prepayments;
    private final Documents documents;
    private final PoolingAreas poolingAreas;
    private final String issuer;

    PrepaymentDocuments(Prepayments prepayments, Documents documents, PoolingAreas poolingAreas,
                        @Value("${app.clearing.issuer:国家医疗保障局医疗保障事业管理中心}") String issuer) {
        this.prepayments = prepayments;
        this.documents = documents;
        this.poolingAreas = poolingAreas;
        this.issuer = issuer;
    }

    /** 万元, exact to the fen: as many decimals as the amount needs (up to six), at least two — 45.00, 33.915586. */
    public static BigDecimal wanExact(Money m) {
        BigDecimal w = m.yuan().movePointLeft(4).stripTrailingZeros();
        return w.scale() < 2 ? w.setScale(2) : w;
    }

    public static String wan(Money m) {
        return wanExact(m).toPlainString();
    }

    static List<String> headers() {
        return List.of("付款省（参保地）", "收款省（就医地）", "上年额度（含调增）", "本年核定额度", "实际划款额度", "紧急调增", "当前预付金",
                "最近清算月份", "当月清算金额", "使用率", "预警");
    }

    static List<String> cells(Prepayments.PairState p) {
        return List.of(p.payingName(), p.receivingName(), wan(p.previousQuota()), wan(p.quota()), wan(p.adjustment()), wan(p.topUps()),
                wan(p.prepayment()), p.usageMonth() == null ? "" : p.usageMonth().toString(),
                p.usageAmount() == null ? "" : wan(p.usageAmount()),
                p.usage() == null ? "" : p.usage().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP) + " %",
                p.warning().label());
    }

    /** The year's pairs the officer sees, as a PDF table; empty before the run. */
    public Optional<byte[]> pdf(AppUser officer, int year) {
        return prepayments.year(officer, year).map(y -> documents.render(PdfDocument.titled(year + " 年度" + TABLE_TITLE)
                .header("预付金年度", year + " 年")
                .header("核定依据", y.basisYear() + " 年跨省异地就医清算金额")
                .header("单位", UNIT)
                .table(null, headers(), y.pairs().stream().map(PrepaymentDocuments::cells).toList())
                .closingLine("制表单位：" + issuer)
                .author(issuer)
                .build()));
    }

    /** The same as Excel, amounts as numbers in 万元, exact to the fen. */
    public Optional<byte[]> xlsx(AppUser officer, int year) {
        return prepayments.year(officer, year).map(y -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Workbook wb = new Workbook(out, "crossprov", "1.0");
                Worksheet ws = wb.newWorksheet("预付金");
                ws.value(0, 0, year + " 年度" + TABLE_TITLE);
                ws.style(0, 0).bold().fontSize(14).set();
                ws.value(1, 0, "核定依据：" + y.basisYear() + " 年跨省异地就医清算金额");
                ws.value(2, 0, "单位：" + UNIT);
                List<String> h = headers();
                for (int c = 0; c < h.size(); c++) {
                    ws.value(4, c, h.get(c));
                    ws.style(4, c).bold().set();
                }
                int row = 5;
                for (Prepayments.PairState p : y.pairs()) {
                    ws.value(row, 0, p.payingName());
                    ws.value(row, 1, p.receivingName());
                    int c = 2;
                    for (Money m : List.of(p.previousQuota(), p.quota(), p.adjustment(), p.topUps(), p.prepayment())) {
                        number(ws, row, c++, m);
                    }
                    ws.value(row, 7, p.usageMonth() == null ? "" : p.usageMonth().toString());
                    if (p.usageAmount() != null) {
                        number(ws, row, 8, p.usageAmount());
                    }
                    if (p.usage() != null) {
                        ws.value(row, 9, p.usage());
                        ws.style(row, 9).format("0.00%").set();
                    }
                    ws.value(row, 10, p.warning().label());
                    row++;
                }
                wb.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    static final String MATRIX_TITLE = "全国跨省异地就医费用预付金明细表";
    static final int COLUMNS_PER_BLOCK = 8;

    /** 附件4's grid: the provinces of the year's pairs, 划入 × 划出. */
    private record Grid(List<String> codes, java.util.Map<String, String> names, java.util.Map<String, Money> cells) {
        Money cell(String receiving, String paying) {
            return cells.get(paying + "/" + receiving);
        }

        Money row(String receiving) {
            return cells.entrySet().stream().filter(e -> e.getKey().endsWith("/" + receiving)).map(java.util.Map.Entry::getValue)
                    .reduce(Money.ZERO, Money::plus);
        }

        Money column(String paying) {
            return cells.entrySet().stream().filter(e -> e.getKey().startsWith(paying + "/")).map(java.util.Map.Entry::getValue)
                    .reduce(Money.ZERO, Money::plus);
        }

        Money total() {
            return cells.values().stream().reduce(Money.ZERO, Money::plus);
        }
    }

    private static Grid grid(Prepayments.YearState y) {
        java.util.TreeMap<String, String> names = new java.util.TreeMap<>();
        java.util.Map<String, Money> cells = new java.util.HashMap<>();
        for (Prepayments.PairState p : y.pairs()) {
            names.put(p.payingProvince(), p.payingName());
            names.put(p.receivingProvince(), p.receivingName());
            cells.put(p.payingProvince() + "/" + p.receivingProvince(), p.quota());
        }
        return new Grid(List.copyOf(names.keySet()), names, cells);
    }

    /**
     * 附件4 in the seed's layout: 预付金划入 (receiving) rows × 预付金划出 (paying) columns of this year's quotas,
     * the diagonal ——, row and column totals, 万元; for the centre. The PDF prints the columns in blocks of eight.
     */
    public Optional<byte[]> matrixPdf(AppUser officer, int year) {
        requireCentre(officer);
        return prepayments.year(officer, year).map(y -> {
            Grid g = grid(y);
            PdfDocument.Builder b = PdfDocument.titled(MATRIX_TITLE).header("制表单位", "（部级经办机构签章）").header("年度", year + " 年")
                    .header("单位", UNIT);
            for (int from = 0; from < Math.max(1, g.codes().size()); from += COLUMNS_PER_BLOCK) {
                List<String> block = g.codes().subList(Math.min(from, g.codes().size()), Math.min(g.codes().size(), from + COLUMNS_PER_BLOCK));
                boolean last = from + COLUMNS_PER_BLOCK >= g.codes().size();
                List<String> headers = new ArrayList<>(List.of("预付金划入 \\ 划出"));
                block.forEach(c -> headers.add(g.names().get(c)));
                if (last) {
                    headers.add("合计");
                }
                List<List<String>> rows = new ArrayList<>();
                for (String r : g.codes()) {
                    List<String> cells = new ArrayList<>(List.of(g.names().get(r)));
                    block.forEach(c -> cells.add(r.equals(c) ? "——" : Optional.ofNullable(g.cell(r, c)).map(PrepaymentDocuments::wan).orElse("")));
                    if (last) {
                        cells.add(wan(g.row(r)));
                    }
                    rows.add(cells);
                }
                List<String> sum = new ArrayList<>(List.of("合计"));
                block.forEach(c -> sum.add(wan(g.column(c))));
                if (last) {
                    sum.add(wan(g.total()));
                }
                rows.add(sum);
                b.table(from == 0 ? null : "（续）", headers, rows);
            }
            return documents.render(b.closingLine("单位负责人：        审核人：        制表人：        制表日期：").author(issuer).build());
        });
    }

    /** 附件4 as Excel, amounts as numbers in 万元. */
    public Optional<byte[]> matrixXlsx(AppUser officer, int year) {
        requireCentre(officer);
        return prepayments.year(officer, year).map(y -> {
            Grid g = grid(y);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Workbook wb = new Workbook(out, "crossprov", "1.0");
                Worksheet ws = wb.newWorksheet("附件4");
                ws.value(0, 0, MATRIX_TITLE);
                ws.style(0, 0).bold().fontSize(14).set();
                ws.value(1, 0, "制表单位：（部级经办机构签章）");
                ws.value(2, 0, "年度：" + year + " 年");
                ws.value(3, 0, "单位：" + UNIT);
                ws.value(5, 0, "预付金划入 \\ 划出");
                int n = g.codes().size();
                for (int c = 0; c < n; c++) {
                    ws.value(5, c + 1, g.names().get(g.codes().get(c)));
                }
                ws.value(5, n + 1, "合计");
                for (int r = 0; r < n; r++) {
                    String receiving = g.codes().get(r);
                    ws.value(6 + r, 0, g.names().get(receiving));
                    for (int c = 0; c < n; c++) {
                        String paying = g.codes().get(c);
                        if (paying.equals(receiving)) {
                            ws.value(6 + r, c + 1, "——");
                        } else if (g.cell(receiving, paying) != null) {
                            number(ws, 6 + r, c + 1, g.cell(receiving, paying));
                        }
                    }
                    number(ws, 6 + r, n + 1, g.row(receiving));
                }
                ws.value(6 + n, 0, "合计");
                for (int c = 0; c < n; c++) {
                    number(ws, 6 + n, c + 1, g.column(g.codes().get(c)));
                }
                number(ws, 6 + n, n + 1, g.total());
                wb.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** 附件4 is the centre's national table; a province has its pairs and its 附件4-1 / 4-2 */
    private static void requireCentre(AppUser officer) {
        if (officer == null || !officer.isNationalCentre()) {
            throw new AccessDeniedException("附件4 为部级经办机构的全国明细表，各省请下载本省的附件4-1、4-2 / annex 4 is the national centre's table");
        }
    }

    private static void number(Worksheet ws, int row, int column, Money m) {
        ws.value(row, column, wanExact(m));
        ws.style(row, column).format("#,##0.00####").set();
    }

    /**
     * 附件4-1 (the province pays: each receiving province's last year's quota with its top-ups, this year's, and
     * the difference to transfer by the end of February, negative = returned) or 附件4-2 (the province receives:
     * each paying province's amount); in the initial year (第十七条) 附件2 / 附件3 (each province's amount, to be
     * paid within 15 working days of the signing). For the province's officers and the centre; empty before the
     * year is set.
     */
    public Optional<byte[]> notice(AppUser officer, int year, String province, Notice kind) {
        if (!officer.isNationalCentre() && !province.equals(officer.unitCode())) {
            throw new AccessDeniedException("只能下载本省的通知书 / only your own province's notices");
        }
        boolean pays = kind == Notice.PAYMENT;
        return prepayments.year(officer, year).map(y -> {
            boolean initial = y.kind() == PrepaymentYear.Kind.INITIAL;
            List<Prepayments.PairState> pairs = y.pairs().stream().filter(p -> (pays ? p.payingProvince() : p.receivingProvince())
                    .equals(province)).toList();
            if (pairs.isEmpty()) {
                throw new BusinessRuleException("本省 " + year + " 年度没有" + (pays ? "应付" : "应收") + "预付金",
                        "The province has no prepayment to " + (pays ? "pay" : "receive") + " in " + year);
            }
            String name = prepayments.name(province);
            String addressee = poolingAreas.find(province).map(PoolingArea::agencyName).filter(a -> a != null && !a.isBlank())
                    .orElse(name + "省级医疗保障经办机构");
            boolean columns = pays && !initial;
            List<List<String>> rows = new ArrayList<>();
            Money previous = Money.ZERO;
            Money quota = Money.ZERO;
            Money difference = Money.ZERO;
            for (Prepayments.PairState p : pairs) {
                String other = pays ? p.receivingName() : p.payingName();
                rows.add(columns ? List.of(other, wan(p.previousQuota()), wan(p.quota()), wan(p.adjustment())) : List.of(other, wan(p.adjustment())));
                previous = previous.plus(p.previousQuota());
                quota = quota.plus(p.quota());
                difference = difference.plus(p.adjustment());
            }
            rows.add(columns ? List.of("合计", wan(previous), wan(quota), wan(difference)) : List.of("合计", wan(difference)));
            LocalDate signed = LocalDate.ofInstant(y.runAt(), ChinaTime.ZONE);
            String text;
            if (initial) {
                text = pays ? "请你单位将 " + year + " 年跨省异地就医预付金于签章日期起 15 个工作日内拨付给就医地。付款明细清单如下："
                        : "你单位 " + year + " 年跨省异地就医预付金收款明细清单如下：";
            } else {
                text = pays ? "请你单位将 " + year + " 年跨省异地就医预付金 " + wan(difference) + " 万元于 "
                        + ChineseDate.of(YearMonth.of(year, 2).atEndOfMonth()) + "前拨付。付款明细清单如下："
                        : "你单位 " + year + " 年跨省异地就医预付金额度调整收款明细清单如下：";
            }
            PdfDocument.Builder b = PdfDocument.titled(name + "跨省异地就医" + kind.title(y.kind()))
                    .header("预付金年度", year + " 年")
                    .header(pays ? "付款方" : "收款方", name)
                    .header("单位", UNIT)
                    .paragraphs(null, addressee + "：", text)
                    .table(pays ? "跨省异地就医预付金付款汇总表" : "跨省异地就医预付金收款汇总表",
                            columns ? List.of("地区", "上年额度（1）", "本年核定额度（2）", "实际划款额度（3=2-1）") : List.of("地区", "金额"),
                            rows)
                    .paragraphs(null, "合计金额（大写）：" + ChineseAmount.inWordsWithPrefix(difference.isNegative() ? difference.negate() : difference)
                            + (difference.isNegative() ? "（退回）" : ""));
            if (columns) {
                b.paragraphs(null, "注：上年额度指部级经办机构核定的上年度预付金额（含紧急调整额度）");
            }
            return documents.render(b.closingLine(issuer + "    签章日期：" + ChineseDate.of(signed)).author(issuer).build());
        });
    }
}
