package cn.gov.ybj.crossprov.filing;

/** Where a filing came from; decides the tab of 我的备案 it shows in. */
public enum Channel {
    NATIONAL_APP_QUICK("快速备案"),
    NATIONAL_APP_SELF_SERVICE("自助开通"),
    /** counter or local online platform (地方平台) */
    LOCAL("地方平台");

    private final String tab;

    Channel(String tab) {
        this.tab = tab;
    }

    public String tab() {
        return tab;
    }
}
