package cn.gov.ybj.crossprov.transfer;

import cn.gov.ybj.crossprov.insured.InsuranceStatus;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines in working days and the out-area status after a transfer-out ({@code app.transfer.*}).
 * The defaults are those of 基本医疗保险关系转移接续暂行办法 (2021): the out-area completes the
 * transfer-out within 10 working days of acceptance, the in-area the transfer-in within 5 of
 * receiving it. The in-area counter's check has no national deadline; 5 is this system's default.
 *
 * @param outStatus 暂停参保 (default, as the seed's screens show the out-area relation) or 终止参保
 */
@ConfigurationProperties(prefix = "app.transfer")
public record TransferSettings(@DefaultValue("5") int acceptanceDays, @DefaultValue("10") int transferOutDays,
                               @DefaultValue("5") int transferInDays, @DefaultValue("SUSPENDED") InsuranceStatus outStatus) {

    public TransferSettings {
        if (acceptanceDays < 1 || transferOutDays < 1 || transferInDays < 1) {
            throw new IllegalArgumentException("app.transfer.*-days must be at least 1 working day");
        }
        if (outStatus == InsuranceStatus.NORMAL) {
            throw new IllegalArgumentException("app.transfer.out-status must be SUSPENDED or TERMINATED");
        }
    }
}
