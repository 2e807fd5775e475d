package cn.gov.ybj.crossprov.shared;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback converter for {@code %msg} that masks ID numbers and bearer tokens, so that
 * no log line carries personal data or credentials, whoever wrote the log statement.
 */
public class MaskingMessageConverter extends MessageConverter {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    // JWTs (three base64url parts starting with eyJ) and "Bearer xxx" headers
    private static final Pattern TOKEN = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]*|(?i)(bearer\\s+)[\\w.~+/-]+=*");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    public static String mask(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        Matcher id = ID_NUMBER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (id.find()) {
            id.appendReplacement(out, Matcher.quoteReplacement(IdNumber.mask(id.group())));
        }
        id.appendTail(out);
        Matcher token = TOKEN.matcher(out);
        StringBuilder result = new StringBuilder();
        while (token.find()) {
            String prefix = token.group(1) == null ? "" : token.group(1);
            token.appendReplacement(result, Matcher.quoteReplacement(prefix + "[token masked]"));
        }
        token.appendTail(result);
        return result.toString();
    }
}
