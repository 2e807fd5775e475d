package cn.gov.ybj.crossprov.reference;

import java.time.LocalDate;

/** 统筹区 as the public query and the filing rules see it. */
public record PoolingArea(String code, String name, String provinceCode, boolean crossProvinceOpen, LocalDate openedOn,
                          FilingMode filingMode, LocalDate modeSwitchedOn, String agencyName, String agencyPhone,
                          String agencyAddress, String bankAccountName, String bankName, String bankAccountNo, int version) {

    /** 自助备案 (automatic review) or 快速备案 (a clerk reviews). */
    public enum FilingMode {
        SELF_SERVICE("自助备案"), QUICK("快速备案");

        private final String label;

        FilingMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
