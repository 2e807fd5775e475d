package cn.gov.ybj.crossprov.prepayment;

import cn.gov.ybj.crossprov.calendar.WorkingDays;
import cn.gov.ybj.crossprov.documents.ChineseAmount;
import cn.gov.ybj.crossprov.documents.ChineseDate;
import cn.gov.ybj.crossprov.documents.Documents;
import cn.gov.ybj.crossprov.documents.PdfDocument;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 附件5 《…跨省异地就医预付金额度紧急调增通知书》: the centre's notice to the paying province, once it has
 * approved a top-up — 补充拨付 the receiving province's prepayment in 万元 by a date: the end of the
 * hand-over and transfer terms (5 + 10 working days) from the approval.
 */
@Service
public class TopUpNotice {

    static final String BASIS = "《关于做好基本医疗保险跨省异地就医住院医疗费用直接结算工作的通知》（人社部发〔2016〕120 号）";

    private final TopUps topUps;
    private final Documents documents;
    private final PoolingAreas poolingAreas;
    private final WorkingDays workingDays;
    private final String issuer;

    TopUpNotice(TopUps topUps, Documents documents, PoolingAreas poolingAreas, WorkingDays workingDays,
                @Value("${app.clearing.issuer:国家医疗保障局医疗保障事业管理中心}") String issuer) {
        this.topUps = topUps;
        this.documents = documents;
        this.poolingAreas = poolingAreas;
        this.workingDays = workingDays;
        this.issuer = issuer;
    }

    /** The notice for an officer of either province or the centre; empty when not theirs; refused before approval. */
    public Optional<byte[]> pdf(AppUser officer, String topUpId) {
        return topUps.find(officer, topUpId).map(t -> {
            if (t.approved() == null || t.decidedAt() == null) {
                throw new BusinessRuleException("部级经办机构同意调增后下达紧急调增通知书", "The notice is issued once the centre has approved the top-up");
            }
            LocalDate signed = LocalDate.ofInstant(t.decidedAt(), ChinaTime.ZONE);
            LocalDate payBy = workingDays.plusWorkingDays(signed, 15);
            String addressee = poolingAreas.find(t.payingProvince()).map(PoolingArea::agencyName).filter(a -> a != null && !a.isBlank())
                    .orElse(t.payingName() + "省级医疗保障经办机构");
            return documents.render(PdfDocument.titled(t.payingName() + "跨省异地就医预付金额度紧急调增通知书")
                    .header("预付金年度", t.year() + " 年")
                    .header("付款方", t.payingName())
                    .header("收款方", t.receivingName())
                    .header("单位", "万元")
                    .paragraphs(null, addressee + "：",
                            "根据" + t.receivingName() + "的紧急调增申请，按照" + BASIS + "的规定，请你单位于 " + ChineseDate.of(payBy) + "前，补充拨付"
                                    + t.receivingName() + "预付金 " + PrepaymentDocuments.wan(t.approved()) + " 万元。",
                            "金额（大写）：" + ChineseAmount.inWordsWithPrefix(t.approved()))
                    .closingLine(issuer + "    签章日期：" + ChineseDate.of(signed))
                    .author(issuer)
                    .build());
        });
    }
}
