package cn.gov.ybj.crossprov.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingMessageConverterTest {

    @Test
    void masksIdNumbersInFormattedMessages() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("test");
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "filing for {} by {}",
                null, new Object[]{"350203196209151238", "11010819850607441X"});
        MaskingMessageConverter converter = new MaskingMessageConverter();

        String line = converter.convert(event);

        assertThat(line).isEqualTo("filing for 350*****1238 by 110*****441X");
    }

    @Test
    void masksBearerTokensAndJwts() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
        assertThat(MaskingMessageConverter.mask("Authorization: Bearer abc.def-ghi"))
                .isEqualTo("Authorization: Bearer [token masked]");
        assertThat(MaskingMessageConverter.mask("token=" + jwt + " end")).isEqualTo("token=[token masked] end");
    }

    @Test
    void masksStackTraces() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("test"), Level.ERROR, "failed",
                new IllegalArgumentException("no insured person 350203196209151238"), null);
        MaskingThrowableConverter converter = new MaskingThrowableConverter();
        converter.start();

        String trace = converter.convert(event);

        assertThat(trace).contains("no insured person 350*****1238").doesNotContain("350203196209151238");
    }

    @Test
    void leavesOtherNumbersAlone() {
        // 13-digit institution codes and 16-digit serials are not ID numbers
        assertThat(MaskingMessageConverter.mask("institution H1101050012345 serial B001112210412301"))
                .isEqualTo("institution H1101050012345 serial B001112210412301");
    }
}
