package cn.gov.ybj.crossprov.shared;

import java.time.LocalDate;
import java.time.ZoneId;

/** The one time zone of the rules: dates, deadlines and printed times are Beijing time. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
