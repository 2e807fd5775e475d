package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.settlement.DailyReconciliation;
import cn.gov.ybj.crossprov.settlement.HospitalSettlement;
import cn.gov.ybj.crossprov.settlement.HospitalSettlements;
import cn.gov.ybj.crossprov.settlement.SettlementLedger;
import cn.gov.ybj.crossprov.settlement.SettlementUpload;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * DEMO DATA for the local run: the demo hospital system (institution of the demo realm's
 * {@code hospital-system} client) settles two discharges of 陈静 under her demo filing to 北京 and
 * sends the ledger of the first day as booked, so that 结算信息查询 and 日对账 have a day that matches and
 * a day whose ledger is still missing. Through the real services, once (the settlement numbers are
 * the idempotency keys: a later start answers the stored ones).
 */
@Component
@Profile("local")
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
class DemoSettlementLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoSettlementLoader.class);
    private static final String INSTITUTION = "1100001006723";
    private static final String CHENJING = "350203196209151238";

    private final HospitalSettlements settlements;
    private final DailyReconciliation reconciliation;

    DemoSettlementLoader(HospitalSettlements settlements, DailyReconciliation reconciliation) {
        this.settlements = settlements;
        this.reconciliation = reconciliation;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10) // after the demo filings (0): 陈静's filing to 北京 is open by then
    void settleOnce() {
        AppUser hospital = new AppUser(Realm.PROVINCIAL, "service-account-hospital-system", "演示医院系统",
                Set.of("HOSPITAL"), List.of(), null, INSTITUTION);
        if (settlements.find(hospital, "DEMO-0001").isPresent()) {
            return;
        }
        LocalDate today = ChinaTime.today();
        try {
            HospitalSettlement first = settle(hospital, "DEMO-0001", today.minusDays(9), today.minusDays(3), "18600.00", "420.00");
            settle(hospital, "DEMO-0002", today.minusDays(4), today.minusDays(1), "3200.00", "0");
            reconciliation.submitLedger(hospital, first.dischargeDate(), new SettlementLedger(List.of(new SettlementLedger.Line(
                    first.settlementNo(), first.insuredAreaCode(), first.status(), first.total().yuan(), first.fundsTotal().yuan(),
                    first.personalCash().yuan()))));
            log.info("Demo settlements of 陈静 at {} (DEMO-0001 reconciled, DEMO-0002 awaiting the hospital's ledger)", INSTITUTION);
        } catch (BusinessRuleException e) {
            // e.g. the demo filing was cancelled by hand: the demo goes on without settlements
            log.warn("Demo settlements skipped: {}", e.messageEn());
        }
    }

    private HospitalSettlement settle(AppUser hospital, String no, LocalDate admission, LocalDate discharge, String inScope,
                                      String selfPaid) {
        return settlements.upload(hospital, new SettlementUpload(no, CHENJING, null, INSTITUTION, "ZY" + no.substring(5),
                "OUTPATIENT", "心血管内科", admission, discharge, false,
                List.of(new SettlementUpload.Category("西药费", new BigDecimal(inScope).subtract(new BigDecimal("2000")),
                                new BigDecimal(selfPaid)),
                        new SettlementUpload.Category("检查费", new BigDecimal("2000.00"), BigDecimal.ZERO)),
                List.of("I20.000"), List.of("不稳定型心绞痛")));
    }
}
