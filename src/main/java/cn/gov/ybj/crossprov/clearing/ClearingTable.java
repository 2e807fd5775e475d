package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.YearMonth;
import java.util.List;

/**
 * One province table (附件7-1 … 7-6) as generated, in the seed's layout: the rows, the columns and
 * the 合计 row. Every sum — a row's total, a column's total, the grand total — is the database's.
 *
 * @param province  the province whose table it is (付款省 for 7-1 … 7-5, 收款省 for 7-6)
 * @param area      one pooling area of the province the table is restricted to, or null for the province
 * @param rowsBy    what a row is: the other provinces (the seed's 地区 rows, all of them, zeros included), or
 *                  the province's own areas (参保地 for 7-1 … 7-5, 就医地 for 7-6) that have amounts
 * @param columns   the amount columns in the seed's order, 合计 apart ({@link Row#total()})
 */
public record ClearingTable(YearMonth month, TableKind kind, String province, String provinceName, String area,
                            String areaName, TableRows rowsBy, List<Column> columns, List<Row> rows, Row total) {

    /** What the rows of a table are. */
    public enum TableRows {
        /** the other provinces: whom the province pays (7-1 … 7-5) or from whom it receives (7-6) */
        PROVINCES,
        /** the province's own pooling areas: 参保地 (7-1 … 7-5) or 就医地 (7-6) */
        AREAS
    }

    /** An amount column: a 险种 (职工医保, 居民医保, 新农合) or a fund (统筹基金 …). */
    public record Column(String code, String label, String labelEn) {
    }

    /**
     * @param amounts     one per column, in the columns' order
     * @param total       合计 of the row
     * @param settlements how many settlements (7-1, 7-6); null where a settlement spans columns (7-2 … 7-5)
     */
    public record Row(String code, String name, List<Money> amounts, Money total, Long settlements) {
    }

    /** The seed's title, e.g. 北京市跨省异地就医应付医疗费用清算表. */
    public String title() {
        return kind.title(provinceName);
    }
}
