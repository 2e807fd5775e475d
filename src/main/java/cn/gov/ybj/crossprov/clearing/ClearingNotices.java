package cn.gov.ybj.crossprov.clearing;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 付款通知书 (附件8) and 收款通知书 (附件9) of a province (003 第三十五条): from the confirmed 附件7, the
 * province's column (what it pays each province) or row (what it receives from each), every other
 * province a line in the seed's 地区 order, zeros included, the 合计 in figures and in words. Published
 * when every province has confirmed the month (the case's 发布付款、收款通知书); the province's officers and
 * the centre download them.
 */
@Service
public class ClearingNotices {

    /** The two notices. */
    public enum Kind {
        PAYMENT("费用付款通知书", "payment notice", "附件8", "付款方", "跨省异地就医费用付款汇总表"),
        RECEIPT("费用收款通知书", "receipt notice", "附件9", "收款方", "跨省异地就医费用收款汇总表");

        private final String title;
        private final String titleEn;
        private final String annex;
        private final String party;
        private final String summary;

        Kind(String title, String titleEn, String annex, String party, String summary) {
            this.title = title;
            this.titleEn = titleEn;
            this.annex = annex;
            this.party = party;
            this.summary = summary;
        }

        public String title() {
            return title;
        }

        public String titleEn() {
            return titleEn;
        }
    }

    static final String UNIT = "元（保留两位小数）";

    private final MonthlyClearing clearing;
    private final Documents documents;
    private final PoolingAreas poolingAreas;
    private final String issuer;

    ClearingNotices(MonthlyClearing clearing, Documents documents, PoolingAreas poolingAreas,
                    @Value("${app.clearing.issuer:国家医疗保障局医疗保障事业管理中心}") String issuer) {
        this.clearing = clearing;
        this.documents = documents;
        this.poolingAreas = poolingAreas;
        this.issuer = issuer;
    }

    /**
     * The province's notice as PDF: for the province's officers and the centre (another province 403);
     * empty when the month has not been generated; refused until the notices are published.
     */
    public Optional<byte[]> pdf(AppUser officer, YearMonth month, String province, Kind kind) {
        Optional<ClearingSummary> summary = clearing.month(officer, month);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        if (!officer.isNationalCentre() && !province.equals(officer.unitCode())) {
            throw new AccessDeniedException("只能下载本省的通知书 / only your own province's notices");
        }
        if (summary.get().noticesPublishedAt() == null) {
            throw new BusinessRuleException(month + " 的付款、收款通知书在各省确认清算表后发布",
                    "The notices of " + month + " are published when every province has confirmed the tables");
        }
        ClearingMatrix matrix = clearing.matrix(officer, month).orElseThrow();
        String name = matrix.provinces().stream().filter(p -> p.code().equals(province)).map(ClearingMatrix.Province::name)
                .findFirst().orElseThrow(() -> new BusinessRuleException("该省不在本月清算表中：" + province,
                        "The province is not in the month's tables: " + province));
        String addressee = poolingAreas.find(province).map(PoolingArea::agencyName).filter(a -> a != null && !a.isBlank())
                .orElse(name + "省级医疗保障经办机构");
        LocalDate signed = LocalDate.ofInstant(summary.get().noticesPublishedAt(), ChinaTime.ZONE);
        return Optional.of(documents.render(document(matrix, province, name, kind, addressee, issuer, signed)));
    }

    /** The notice: the matrix's column (PAYMENT) or row (RECEIPT) of the province, every other province a line. */
    static PdfDocument document(ClearingMatrix matrix, String province, String provinceName, Kind kind, String addressee,
                                String issuer, LocalDate signed) {
        Map<String, Money> amounts = new TreeMap<>();
        for (ClearingMatrix.Cell c : matrix.cells()) {
            if (kind == Kind.PAYMENT && c.payingProvince().equals(province)) {
                amounts.put(c.receivingProvince(), c.amount());
            } else if (kind == Kind.RECEIPT && c.receivingProvince().equals(province)) {
                amounts.put(c.payingProvince(), c.amount());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        Money total = Money.ZERO;
        for (ClearingMatrix.Province p : matrix.provinces()) {
            if (!p.code().equals(province)) {
                Money m = amounts.getOrDefault(p.code(), Money.ZERO);
                rows.add(List.of(p.name(), m.grouped()));
                total = total.plus(m);
            }
        }
        rows.add(List.of("合计", total.grouped()));
        String month = ClearingExports.month(matrix.month());
        String body = kind == Kind.PAYMENT
                ? "请你单位将 " + month + "跨省异地就医费用及时拨付给就医地。付款明细清单如下："
                : "你单位 " + month + "跨省异地就医费用收款明细清单如下：";
        List<String> details = kind == Kind.PAYMENT
                ? List.of("附件7-1 " + provinceName + "跨省异地就医应付医疗费用清算表；",
                "附件7-2 " + provinceName + "跨省异地就医职工医保基金支付明细表；",
                "附件7-3 " + provinceName + "跨省异地就医居民医保基金支付明细表；",
                "附件7-4 " + provinceName + "跨省异地就医职工医保基金审核扣款明细表；",
                "附件7-5 " + provinceName + "跨省异地就医居民医保基金审核扣款明细表。")
                : List.of("附件7-6 " + provinceName + "跨省异地就医应收医疗费用清算表");
        return PdfDocument.titled(provinceName + "跨省异地就医" + kind.title)
                .header("清算所属月份", month)
                .header(kind.party, provinceName)
                .header("单位", UNIT)
                .paragraphs(null, addressee + "：", body)
                .table(kind.summary, List.of("地区", "金额"), rows)
                .paragraphs(null, "合计金额（大写）：" + ChineseAmount.inWordsWithPrefix(total))
                .paragraphs("明细见", details)
                .closingLine(issuer + "    签章日期：" + ChineseDate.of(signed))
                .author(issuer)
                .build();
    }

}
