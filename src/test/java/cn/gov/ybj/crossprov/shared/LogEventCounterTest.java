package cn.gov.ybj.crossprov.shared;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** logback.events counts the events written, by level, with no turbo filter asked at each level check. */
@SpringBootTest
@ActiveProfiles("test")
class LogEventCounterTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void writtenEventsAreCountedByLevelAndDisabledOnesAreNot() {
        org.slf4j.Logger log = LoggerFactory.getLogger("cn.gov.ybj.crossprov.LogEventCounterTest");
        double warnBefore = count("warn");
        double debugBefore = count("debug");

        log.warn("counted");
        log.warn("counted again");
        log.debug("below the level: not written, not counted");

        assertThat(count("warn") - warnBefore).isEqualTo(2);
        assertThat(count("debug")).isEqualTo(debugBefore);
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
    }

    private double count(String level) {
        return registry.get("logback.events").tag("level", level).functionCounter().count();
    }
}
