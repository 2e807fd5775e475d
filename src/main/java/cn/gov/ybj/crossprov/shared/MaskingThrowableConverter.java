package cn.gov.ybj.crossprov.shared;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces ({@code %wEx}) pass the same masking as messages: exception texts may quote input. */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return MaskingMessageConverter.mask(super.throwableProxyToString(tp));
    }
}
