package cn.gov.ybj.crossprov.clearing;

import cn.gov.ybj.crossprov.shared.Money;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * 附件7 全国跨省异地就医费用清算表: 收款省 rows × 付款省 columns, the fund payments of the month's
 * reconciled settlements; the diagonal is —— (a province does not clear with itself). Cells are
 * listed as (收款省, 付款省, amount) — what a heat map takes — zeros included.
 * <p>
 * The national centre gets every cell, every total and the grand total. A provincial officer gets
 * only their province's row (what it receives from each province) and column (what it pays to
 * each), with that row's and that column's totals; {@code grandTotal} and {@code settlements} are
 * then null.
 *
 * @param province    the province the matrix is restricted to; null for the whole matrix
 * @param provinces   the rows and columns, in code order (the seed's order)
 * @param receiving   row totals (合计 per 收款省)
 * @param paying      column totals (合计 per 付款省)
 */
public record ClearingMatrix(YearMonth month, String province, List<Province> provinces, List<Cell> cells,
                             List<Total> receiving, List<Total> paying, Money grandTotal, Long settlements) {

    /** the seed's title of 附件7 */
    public static final String TITLE = "全国跨省异地就医费用清算表";

    public record Province(String code, String name) {
    }

    public record Cell(String receivingProvince, String payingProvince, Money amount, long settlements) {
    }

    public record Total(String province, Money amount, long settlements) {
    }

    /** The cell, or empty for the diagonal and for cells not given to this officer. */
    public Optional<Cell> cell(String receivingProvince, String payingProvince) {
        return cells.stream().filter(c -> c.receivingProvince().equals(receivingProvince)
                && c.payingProvince().equals(payingProvince)).findFirst();
    }
}
