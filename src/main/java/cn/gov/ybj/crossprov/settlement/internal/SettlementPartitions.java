package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.shared.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Keeps the month partitions of {@code app.settlement} and {@code app.settlement_detail} ahead of
 * time: at start and every day at 01:00 (China time) this month and the next two are created if
 * missing ({@code app.settlement_ensure_partition}, idempotent, safe on several nodes). An upload
 * for an older month creates its partition on first use.
 */
@Component
class SettlementPartitions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SettlementPartitions.class);
    static final int MONTHS_AHEAD = 2;

    private final SettlementStore store;

    SettlementPartitions(SettlementStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAhead();
    }

    @Scheduled(cron = "0 0 1 * * *", zone = "Asia/Shanghai")
    void ensureAhead() {
        LocalDate month = ChinaTime.today().withDayOfMonth(1);
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            store.ensurePartition(month.plusMonths(i));
        }
        log.debug("Settlement partitions ensured up to {}", month.plusMonths(MONTHS_AHEAD));
    }
}
