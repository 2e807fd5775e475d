package cn.gov.ybj.crossprov.filing;

/** 自助备案 (AUTO, effective at once) or 快速备案 (MANUAL, a clerk reviews). Decided by DMN. */
public enum ReviewMode {
    AUTO, MANUAL
}
