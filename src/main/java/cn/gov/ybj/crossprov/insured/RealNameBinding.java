package cn.gov.ybj.crossprov.insured;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 实名认证: binds an insured-realm account to one registry person by a proof, never by a typed
 * number. Two proofs: a one-time code sent to the mobile number the registry holds for the
 * person ({@link #requestSmsCode}, {@link #confirmSmsCode}), or a {@code counter} clerk who saw
 * the ID card and enters the code the account shows ({@link #counterCode}, {@link #bindAtCounter}).
 * One person has at most one bound account; only the counter moves a binding, with an audit row.
 */
@Service
public class RealNameBinding {

    static final Duration SMS_CODE_VALIDITY = Duration.ofMinutes(5);
    static final Duration COUNTER_CODE_VALIDITY = Duration.ofMinutes(30);
    static final int MAX_CODE_TRIES = 5;
    /** per account and per person and hour: against guessing and against flooding someone's phone */
    static final int MAX_CODES_PER_HOUR = 5;
    private static final String COUNTER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Logger log = LoggerFactory.getLogger(RealNameBinding.class);

    private final JdbcClient jdbc;
    private final InsuranceRegistry registry;
    private final SmsGateway sms;
    private final SecureRandom random = new SecureRandom();

    RealNameBinding(JdbcClient jdbc, InsuranceRegistry registry, SmsGateway sms) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.sms = sms;
    }

    public enum Method { SMS_CODE, COUNTER, DEMO }

    /** @param maskedMobile where the code went, e.g. {@code 138****5678} */
    public record SmsChallenge(UUID id, String maskedMobile, Instant expiresAt) {
    }

    /** @param code shown to the insured person, e.g. {@code K7M2-Q9XP}, for the counter clerk to enter */
    public record CounterCode(String code, Instant expiresAt) {
    }

    public record Binding(String account, String maskedIdNumber, String name, Method method, Instant boundAt) {
    }

    public record AuditEntry(Instant at, String actor, String action, Method method, String account,
                             String previousAccount, String note) {
    }

    public Optional<Binding> binding(AppUser user) {
        if (user == null || user.realm() != Realm.INSURED) {
            return Optional.empty();
        }
        return bindingOf(user.account());
    }

    private Optional<Binding> bindingOf(String account) {
        return jdbc.sql("""
                SELECT b.account, b.id_number, r.name, b.method, b.bound_at FROM app.account_binding b
                JOIN app.insurance_record r ON r.id_number = b.id_number WHERE b.account = ?
                """).param(account).query((rs, i) -> new Binding(rs.getString(1), IdNumber.mask(rs.getString(2)),
                rs.getString(3), Method.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant())).optional();
    }

    /**
     * Sends a code to the registry's mobile number of the person named. Every request counts
     * towards the hourly limits, also refused ones (a name/number pair must not be guessed).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public SmsChallenge requestSmsCode(AppUser user, String name, String idNumber) {
        String account = insuredAccount(user);
        requireUnbound(account);
        String id = IdNumber.require(idNumber);
        String trimmedName = requireName(name);
        if (recentChallenges("account", account) >= MAX_CODES_PER_HOUR || recentChallenges("id_number", id) >= MAX_CODES_PER_HOUR) {
            throw new BusinessRuleException("获取验证码过于频繁，请一小时后再试，或携带身份证件到参保地经办机构窗口办理",
                    "Too many codes requested; try again in an hour, or bind at your insured area's counter with your ID card");
        }
        Optional<InsuranceRecord> person = registry.find(id).filter(r -> r.name().equals(trimmedName));
        boolean bound = person.isPresent() && boundAccountOf(id).isPresent();
        String mobile = person.isEmpty() ? null : jdbc.sql("SELECT mobile FROM app.insurance_record WHERE id_number = ?")
                .param(id).query(String.class).optional().orElse(null);
        UUID challengeId = UUID.randomUUID();
        String code = String.format("%06d", random.nextInt(1_000_000));
        // every request is recorded, so that refused ones count towards the limits too; a refused one is born expired
        boolean sending = person.isPresent() && !bound && mobile != null;
        Instant expires = jdbc.sql("""
                INSERT INTO app.binding_challenge (id, kind, account, id_number, code_hash, expires_at)
                VALUES (?, 'SMS_CODE', ?, ?, ?, now() + CAST(? AS interval)) RETURNING expires_at
                """).params(challengeId, account, id, hash(challengeId + ":" + code),
                (sending ? SMS_CODE_VALIDITY.toSeconds() : 0) + " seconds").query(Instant.class).single();
        if (person.isEmpty()) {
            throw new BusinessRuleException("姓名与公民身份号码不匹配，或未查询到参保信息，请核对后重新输入",
                    "The name and ID number do not match, or there is no insurance record; check and try again");
        }
        if (bound) {
            throw alreadyBound();
        }
        if (mobile == null) {
            throw new BusinessRuleException("参保信息中没有预留手机号码，请携带身份证件到参保地经办机构窗口办理实名认证",
                    "The registry holds no mobile number for you; bind at your insured area's counter with your ID card");
        }
        try {
            sms.send(mobile, "【医保经办】您正在进行跨省异地就医账号实名认证，验证码" + code + "，"
                    + SMS_CODE_VALIDITY.toMinutes() + "分钟内有效。如非本人操作，请忽略本短信。");
        } catch (SmsGateway.SmsNotSentException e) {
            log.error("Binding code for {} not sent: {}", IdNumber.mask(id), e.getMessage());
            jdbc.sql("UPDATE app.binding_challenge SET expires_at = now() WHERE id = ?").param(challengeId).update();
            throw new BusinessRuleException("短信发送失败，请稍后再试", "The text message could not be sent; try again later");
        }
        return new SmsChallenge(challengeId, maskMobile(mobile), expires);
    }

    /** Binds the account when the code is right; a wrong code uses up one of {@value #MAX_CODE_TRIES} tries. */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public Binding confirmSmsCode(AppUser user, UUID challengeId, String code) {
        String account = insuredAccount(user);
        requireUnbound(account);
        record Challenge(String idNumber, String codeHash, int attempts, boolean live) {
        }
        Challenge c = challengeId == null ? null : jdbc.sql("""
                SELECT id_number, code_hash, attempts, used_at IS NULL AND expires_at > now() FROM app.binding_challenge
                WHERE id = ? AND account = ? AND kind = 'SMS_CODE' FOR UPDATE
                """).params(challengeId, account).query((rs, i) -> new Challenge(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getBoolean(4))).optional().orElse(null);
        if (c == null || !c.live()) {
            throw new BusinessRuleException("验证码已失效，请重新获取", "The code has expired; request a new one");
        }
        if (c.attempts() >= MAX_CODE_TRIES) {
            throw new BusinessRuleException("验证码错误次数过多，请重新获取", "Too many wrong codes; request a new one");
        }
        String given = code == null ? "" : code.strip();
        if (!MessageDigest.isEqual(hash(challengeId + ":" + given).getBytes(StandardCharsets.US_ASCII),
                c.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("UPDATE app.binding_challenge SET attempts = attempts + 1 WHERE id = ?").param(challengeId).update();
            int left = MAX_CODE_TRIES - c.attempts() - 1;
            throw new BusinessRuleException("验证码错误" + (left > 0 ? "，还可尝试" + left + "次" : "，请重新获取"),
                    "Wrong code" + (left > 0 ? "; " + left + " tries left" : "; request a new one"));
        }
        jdbc.sql("UPDATE app.binding_challenge SET used_at = now() WHERE id = ?").param(challengeId).update();
        bind(account, c.idNumber(), Method.SMS_CODE, account, null, null);
        return bindingOf(account).orElseThrow();
    }

    /** A short-lived code the unbound account shows, so that the counter binds exactly this account. */
    @Transactional
    public CounterCode counterCode(AppUser user) {
        String account = insuredAccount(user);
        requireUnbound(account);
        if (jdbc.sql("""
                SELECT count(*) FROM app.binding_challenge WHERE account = ? AND kind = 'COUNTER_CODE'
                AND created_at > now() - interval '1 hour'
                """).param(account).query(Long.class).single() >= MAX_CODES_PER_HOUR) {
            throw new BusinessRuleException("获取绑定码过于频繁，请一小时后再试", "Too many codes requested; try again in an hour");
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(COUNTER_ALPHABET.charAt(random.nextInt(COUNTER_ALPHABET.length())));
        }
        Instant expires = jdbc.sql("""
                INSERT INTO app.binding_challenge (id, kind, account, code_hash, expires_at)
                VALUES (?, 'COUNTER_CODE', ?, ?, now() + CAST(? AS interval)) RETURNING expires_at
                """).params(UUID.randomUUID(), account, hash(code.toString()), COUNTER_CODE_VALIDITY.toSeconds() + " seconds")
                .query(Instant.class).single();
        return new CounterCode(code.substring(0, 4) + "-" + code.substring(4), expires);
    }

    /**
     * The counter's binding: a {@code counter} clerk of the person's insured area has seen the ID
     * card; the account is the one showing {@code counterCode}. A person bound to another account
     * (a lost account) is moved only when {@code move} is set, with a reason, into the audit.
     */
    @Transactional
    public Binding bindAtCounter(AppUser clerk, String counterCode, String name, String idNumber, boolean idCardSeen,
                                 boolean move, String reason) {
        if (clerk == null || clerk.realm() != Realm.CLERKS || !clerk.hasRole(Roles.COUNTER)) {
            throw new BusinessRuleException("仅窗口经办人员可以办理实名认证", "Only counter clerks may bind accounts");
        }
        if (!idCardSeen) {
            throw new BusinessRuleException("请先核验参保人本人的有效身份证件，并勾选确认", "Check the person's ID card first and confirm it");
        }
        String id = IdNumber.require(idNumber);
        InsuranceRecord person = registry.find(id).filter(r -> r.name().equals(requireName(name))).orElseThrow(() ->
                new BusinessRuleException("姓名与公民身份号码不匹配，或未查询到参保信息", "Name and ID number do not match, or no insurance record"));
        if (!person.poolingAreaCode().equals(clerk.unitCode())) {
            throw new BusinessRuleException("只能为本统筹区参保人员办理实名认证", "The counter binds only persons insured in its own area");
        }
        String normalized = counterCode == null ? "" : counterCode.replaceAll("[\\s-]", "").toUpperCase();
        String account = jdbc.sql("""
                UPDATE app.binding_challenge SET used_at = now()
                WHERE kind = 'COUNTER_CODE' AND code_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING account
                """).param(hash(normalized)).query(String.class).optional().orElseThrow(() ->
                new BusinessRuleException("账号绑定码无效或已过期，请参保人在「实名认证」页面重新获取",
                        "The account code is wrong or expired; the person gets a new one on the 实名认证 page"));
        requireUnbound(account);
        String note = reason == null ? null : reason.strip();
        Optional<String> previous = boundAccountOf(id);
        if (previous.isPresent()) {
            if (!move) {
                throw new BusinessRuleException("该参保人已绑定其他账号（" + previous.get() + "）。如原账号遗失，请选择「移交绑定」并填写原因",
                        "This person is bound to another account (" + previous.get() + "); to move it (lost account) choose 'move' and give a reason");
            }
            if (note == null || note.isEmpty()) {
                throw new BusinessRuleException("移交绑定须填写原因", "Moving a binding needs a reason");
            }
            jdbc.sql("DELETE FROM app.account_binding WHERE id_number = ?").param(id).update();
        }
        bind(account, id, Method.COUNTER, clerk.account(), previous.orElse(null), note);
        return bindingOf(account).orElseThrow();
    }

    /** Who bound or moved the person, newest first: for the counter. */
    public List<AuditEntry> audit(String idNumber) {
        return jdbc.sql("""
                SELECT at, actor, action, method, account, previous_account, note FROM app.account_binding_audit
                WHERE id_number = ? ORDER BY id DESC
                """).param(IdNumber.canonical(idNumber)).query((rs, i) -> new AuditEntry(rs.getTimestamp(1).toInstant(),
                rs.getString(2), rs.getString(3), Method.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                rs.getString(7))).list();
    }

    /** Demo accounts of the local run (app.demo-data.enabled): bound as if at a counter, with an audit row. */
    @Transactional
    public void bindDemoAccount(String username, String idNumber) {
        String account = Realm.INSURED.id() + ":" + username;
        String id = IdNumber.of(idNumber).value();
        if (boundAccountOf(id).isEmpty() && !accountBound(account)) {
            bind(account, id, Method.DEMO, "system:demo-data", null, "演示数据 / demo data");
        }
    }

    private void bind(String account, String id, Method method, String actor, String previous, String note) {
        try {
            jdbc.sql("INSERT INTO app.account_binding (account, id_number, method, bound_by) VALUES (?, ?, ?, ?)")
                    .params(account, id, method.name(), actor).update();
        } catch (DuplicateKeyException e) {
            // a concurrent binding of the same person or account won
            throw alreadyBound();
        }
        jdbc.sql("""
                INSERT INTO app.account_binding_audit (actor, action, method, id_number, account, previous_account, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(actor, previous == null ? "BOUND" : "MOVED", method.name(), id, account, previous, note).update();
        log.info("Account {} bound to {} ({}, by {})", account, IdNumber.mask(id), method, actor);
    }

    private Optional<String> boundAccountOf(String idNumber) {
        return jdbc.sql("SELECT account FROM app.account_binding WHERE id_number = ?").param(idNumber)
                .query(String.class).optional();
    }

    private long recentChallenges(String column, String value) {
        return jdbc.sql("SELECT count(*) FROM app.binding_challenge WHERE kind = 'SMS_CODE' AND " + column
                + " = ? AND created_at > now() - interval '1 hour'").param(value).query(Long.class).single();
    }

    private boolean accountBound(String account) {
        return jdbc.sql("SELECT count(*) FROM app.account_binding WHERE account = ?").param(account).query(Long.class).single() > 0;
    }

    private void requireUnbound(String account) {
        if (accountBound(account)) {
            throw new BusinessRuleException("该账号已完成实名认证", "This account is already bound to a person");
        }
    }

    private static BusinessRuleException alreadyBound() {
        return new BusinessRuleException("该参保人已绑定其他账号。如非本人操作或原账号遗失，请携带本人有效身份证件到参保地经办机构窗口办理",
                "This person is already bound to another account. If that was not you, or the account is lost, "
                        + "go to your insured area's counter with your ID card");
    }

    private static String insuredAccount(AppUser user) {
        if (user == null || user.realm() != Realm.INSURED) {
            throw new BusinessRuleException("仅参保人账号可以进行实名认证", "Only insured persons' accounts can be bound");
        }
        return user.account();
    }


    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            throw new BusinessRuleException("请填写与身份证件一致的姓名", "Enter your name as on your ID card");
        }
        return trimmed;
    }

    static String maskMobile(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
