package cn.gov.ybj.crossprov.localrun;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import cn.gov.ybj.crossprov.workflow.ClerkInbox;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The local run's first start files a few cases through the real services, so every screen has
 * something to show: 陈静's self-service long-term filing on a personal commitment (信息变更,
 * 补充材料, 门诊慢特病, 取消备案), 张伟's quick filing waiting in cy-reviewer's inbox, and his
 * spouse's quick filing already approved (取消备案 goes to review). Only with demo data on
 * ({@code app.demo-data.enabled}): the persons are those of the demo registry.
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
class DemoFilings {

    private static final Logger log = LoggerFactory.getLogger(DemoFilings.class);
    private static final String CHENJING = "350203196209151238";
    private static final String ZHANGWEI = "110105195803120029";
    private static final String LI_JIANHUA = "110105195607080031";
    /** A real one-page PDF: uploads are parsed before they are accepted. */
    private static final byte[] PDF = onePagePdf();

    private final FilingManagement filings;
    private final ClerkInbox inbox;

    DemoFilings(FilingManagement filings, ClerkInbox inbox) {
        this.filings = filings;
        this.inbox = inbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void fileOnce() {
        AppUser chenjing = new AppUser(Realm.INSURED, "chenjing", "陈静", Set.of("INSURED"), List.of(), null);
        if (!filings.mine(chenjing).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        filings.submit(chenjing, application(CHENJING, "350200", "110000", FilingType.LONG_TERM_RESIDENT, today.minusDays(30),
                today.plusDays(335), "陈静", true, List.of()), "demo-chenjing-1");

        AppUser zhangwei = new AppUser(Realm.INSURED, "zhangwei", "张伟", Set.of("INSURED"), List.of(), null);
        filings.submit(zhangwei, application(ZHANGWEI, "110105", "310000", FilingType.OTHER_TEMPORARY, today.plusDays(7),
                today.plusDays(37), "张伟", false, List.of()), "demo-zhangwei-1");
        Filing spouse = filings.submit(zhangwei, application(LI_JIANHUA, "110105", "440300", FilingType.RETIRED_RESETTLED,
                today.minusDays(60), today.plusDays(300), "张伟", false,
                List.of(new FilingApplication.Material("居住证明", "居住证明.pdf", PDF))), "demo-zhangwei-2");
        AppUser reviewer = new AppUser(Realm.CLERKS, "cy-reviewer", "朝阳区审核员", Set.of("CLERK", "REVIEWER"),
                List.of(ClerkInbox.areaGroup("110105")), "110105");
        inbox.page(reviewer, ClerkInbox.Filter.ALL, 0, 200).stream()
                .filter(t -> t.processInstanceId().equals(spouse.processInstanceId())).findFirst()
                .ifPresent(t -> filings.approve(reviewer, t.taskId()));
        log.info("Demo filings created for chenjing and zhangwei");
    }

    private static byte[] onePagePdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FilingApplication application(String person, String area, String treatment, FilingType type, LocalDate start,
                                                 LocalDate end, String contact, boolean commitment,
                                                 List<FilingApplication.Material> materials) {
        return new FilingApplication(person, area, treatment, InsuranceType.EMPLOYEE, type, start, end, contact, "13800138000",
                "演示地址：就医地居住地址 1 号", null, false, false, commitment, true, true, materials);
    }
}
