package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.shared.Money;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The clearing tables as files to download, in the seed's layouts: Excel ({@code .xlsx}, amounts as
 * numbers with two decimals, so that a province can sum and check them) and PDF (the printable table
 * with the seed's heading and signature lines). 附件7 has 32 付款省 columns: its PDF prints them in blocks
 * of {@value #MATRIX_COLUMNS_PER_BLOCK}, the 合计 column with the last. Callers pass what
 * {@link MonthlyClearing} let the officer see; nothing here checks access.
 */
@Service
public class ClearingExports {

    static final int MATRIX_COLUMNS_PER_BLOCK = 8;
    static final String UNIT = "元（保留两位小数）";
    static final String DIAGONAL = "——";
    private static final String AMOUNT_FORMAT = "#,##0.00";

    private final Documents documents;

    ClearingExports(Documents documents) {
        this.documents = documents;
    }

    // --- the cells of the seed's layouts, shared by both formats

    /** The header row of a province table: 地区, then the amounts with 合计 where the seed puts it. */
    static List<String> headers(ClearingTable t) {
        List<String> h = new ArrayList<>(List.of("地区"));
        if (totalFirst(t)) {
            h.add("合计");
        }
        t.columns().forEach(c -> h.add(c.label()));
        if (!totalFirst(t)) {
            h.add("合计");
        }
        return h;
    }

    /** The amounts of a row in the header's order (地区 apart). */
    static List<Money> amounts(ClearingTable t, ClearingTable.Row r) {
        List<Money> a = new ArrayList<>();
        if (totalFirst(t)) {
            a.add(r.total());
        }
        a.addAll(r.amounts());
        if (!totalFirst(t)) {
            a.add(r.total());
        }
        return a;
    }

    /** 7-1 and 7-6 (by 险种) put 合计 first, the fund tables 7-2 … 7-5 last, as the seed does. */
    private static boolean totalFirst(ClearingTable t) {
        return t.kind().fundsOf().isEmpty();
    }

    /** 清算所属月份 as the seed prints it: {@code 2025 年 06 月}. */
    static String month(YearMonth month) {
        return cn.gov.ybj.crossprov.documents.ChineseDate.of(month);
    }


    // --- Excel

    public byte[] xlsx(ClearingTable t) {
        return workbook(ws -> {
            int row = heading(ws, t.title() + (t.areaName() == null ? "" : "（" + t.areaName() + "）"), month(t.month()));
            List<String> headers = headers(t);
            for (int c = 0; c < headers.size(); c++) {
                ws.value(row, c, headers.get(c));
                ws.style(row, c).bold().horizontalAlignment("center").set();
            }
            row++;
            List<ClearingTable.Row> rows = new ArrayList<>(t.rows());
            rows.add(t.total());
            for (ClearingTable.Row r : rows) {
                ws.value(row, 0, r.name());
                List<Money> amounts = amounts(t, r);
                for (int c = 0; c < amounts.size(); c++) {
                    amount(ws, row, c + 1, amounts.get(c));
                }
                row++;
            }
            ws.width(0, 14);
            for (int c = 1; c < headers.size(); c++) {
                ws.width(c, 16);
            }
        });
    }

    public byte[] xlsx(ClearingMatrix m) {
        return workbook(ws -> {
            int row = heading(ws, ClearingMatrix.TITLE, month(m.month()));
            ws.value(row, 0, "收款省 \\ 付款省");
            int c = 1;
            for (ClearingMatrix.Province p : m.provinces()) {
                ws.value(row, c++, p.name());
            }
            ws.value(row, c, "合计");
            ws.range(row, 0, row, c).style().bold().horizontalAlignment("center").set();
            row++;
            for (ClearingMatrix.Province r : m.provinces()) {
                ws.value(row, 0, r.name());
                c = 1;
                for (ClearingMatrix.Province p : m.provinces()) {
                    if (r.code().equals(p.code())) {
                        ws.value(row, c, DIAGONAL);
                    } else {
                        int col = c;
                        int at = row;
                        m.cell(r.code(), p.code()).ifPresent(cell -> amount(ws, at, col, cell.amount()));
                    }
                    c++;
                }
                int col = c;
                int at = row;
                total(m.receiving(), r.code()).ifPresent(t -> amount(ws, at, col, t.amount()));
                row++;
            }
            ws.value(row, 0, "合计");
            c = 1;
            for (ClearingMatrix.Province p : m.provinces()) {
                int col = c++;
                int at = row;
                total(m.paying(), p.code()).ifPresent(t -> amount(ws, at, col, t.amount()));
            }
            if (m.grandTotal() != null) {
                amount(ws, row, c, m.grandTotal());
            }
            ws.width(0, 14);
        });
    }

    private static java.util.Optional<ClearingMatrix.Total> total(List<ClearingMatrix.Total> totals, String province) {
        return totals.stream().filter(t -> t.province().equals(province)).findFirst();
    }

    /** 制表单位, 清算所属月份 and 单位 above the table, as the seed's; answers the next free row. */
    private static int heading(Worksheet ws, String title, String month) {
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        ws.value(1, 0, "制表单位：（部级经办机构签章）");
        ws.value(2, 0, "清算所属月份：" + month);
        ws.value(3, 0, "单位：" + UNIT);
        return 5;
    }

    private static void amount(Worksheet ws, int row, int column, Money m) {
        ws.value(row, column, m.yuan());
        ws.style(row, column).format(AMOUNT_FORMAT).set();
    }

    private interface Sheet {
        void fill(Worksheet ws) throws IOException;
    }

    private static byte[] workbook(Sheet content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "crossprov", "1.0");
            Worksheet ws = wb.newWorksheet("清算表");
            content.fill(ws);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // --- PDF

    public byte[] pdf(ClearingTable t) {
        List<List<String>> rows = new ArrayList<>();
        List<ClearingTable.Row> all = new ArrayList<>(t.rows());
        all.add(t.total());
        for (ClearingTable.Row r : all) {
            List<String> cells = new ArrayList<>(List.of(r.name()));
            amounts(t, r).forEach(a -> cells.add(a.grouped()));
            rows.add(cells);
        }
        PdfDocument.Builder b = PdfDocument.titled(t.title())
                .header("制表单位", "（部级经办机构签章）")
                .header("清算所属月份", month(t.month()))
                .header("单位", UNIT);
        if (t.areaName() != null) {
            b.header("统筹区", t.areaName());
        }
        return documents.render(b.table(null, headers(t), rows).closingLine(SIGNATURES).build());
    }

    public byte[] pdf(ClearingMatrix m) {
        PdfDocument.Builder b = PdfDocument.titled(ClearingMatrix.TITLE)
                .header("制表单位", "（部级经办机构签章）")
                .header("清算所属月份", month(m.month()))
                .header("单位", UNIT);
        List<ClearingMatrix.Province> provinces = m.provinces();
        for (int from = 0; from < provinces.size(); from += MATRIX_COLUMNS_PER_BLOCK) {
            List<ClearingMatrix.Province> block = provinces.subList(from, Math.min(provinces.size(), from + MATRIX_COLUMNS_PER_BLOCK));
            boolean last = from + MATRIX_COLUMNS_PER_BLOCK >= provinces.size();
            List<String> headers = new ArrayList<>(List.of("收款省 \\ 付款省"));
            block.forEach(p -> headers.add(p.name()));
            if (last) {
                headers.add("合计");
            }
            List<List<String>> rows = new ArrayList<>();
            for (ClearingMatrix.Province r : provinces) {
                List<String> cells = new ArrayList<>(List.of(r.name()));
                for (ClearingMatrix.Province p : block) {
                    cells.add(r.code().equals(p.code()) ? DIAGONAL
                            : m.cell(r.code(), p.code()).map(c -> c.amount().grouped()).orElse(""));
                }
                if (last) {
                    cells.add(total(m.receiving(), r.code()).map(t -> t.amount().grouped()).orElse(""));
                }
                rows.add(cells);
            }
            List<String> sum = new ArrayList<>(List.of("合计"));
            block.forEach(p -> sum.add(total(m.paying(), p.code()).map(t -> t.amount().grouped()).orElse("")));
            if (last) {
                sum.add(m.grandTotal() == null ? "" : m.grandTotal().grouped());
            }
            rows.add(sum);
            String range = block.get(0).name() + " — " + block.get(block.size() - 1).name();
            b.table(from == 0 ? "付款省 " + range : "（续）付款省 " + range, headers, rows);
        }
        return documents.render(b.closingLine(SIGNATURES).build());
    }

    static final String SIGNATURES = "单位负责人：        审核人：        制表人：        制表日期：";
}
