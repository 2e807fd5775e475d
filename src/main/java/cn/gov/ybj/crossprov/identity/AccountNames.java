package cn.gov.ybj.crossprov.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who an account is, for screens and printed forms: records keep account ids ({@code clerks:cy-counter},
 * {@code insured:zhangwei}), people should see names. A clerk's or officer's name is the one their token
 * gave when they last used the application ({@link #remember}, table {@code app.staff_name}); an insured
 * person's is the name of the registry person the account is bound to, masked ({@link InsuredNames},
 * contributed by the insured module). Unknown accounts show their user name without the realm.
 */
@Service
public class AccountNames {

    /** Masked names of bound insured accounts; the insured module contributes it (identity knows no registry). */
    public interface InsuredNames {
        /** account → masked name, for the accounts among these that are bound */
        Map<String, String> maskedNames(Collection<String> insuredAccounts);
    }

    private static final Logger log = LoggerFactory.getLogger(AccountNames.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final ObjectProvider<InsuredNames> insuredNames;
    /** staff account → display name; staff are few and names rarely change, so every node keeps them */
    private final Map<String, String> staff = new ConcurrentHashMap<>();
    /** staff accounts without a recorded name → when last looked up, so a grid of them does not ask on every row */
    private final Map<String, Long> unnamedSince = new ConcurrentHashMap<>();
    private static final long UNNAMED_RECHECK_MILLIS = 5 * 60_000L;

    AccountNames(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<InsuredNames> insuredNames) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        // a name is written beside whatever the request does; a read-only or failing transaction must not lose or break it
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.insuredNames = insuredNames;
    }

    /** {@code realm:username}, as {@link AppUser#account()} and the records write it. */
    public static String account(Realm realm, String username) {
        return realm.id() + ":" + username;
    }

    /**
     * Records the display name of a clerk or officer when it is new or has changed (one map lookup
     * otherwise). Insured persons are named by their binding instead; a token without a name is skipped.
     */
    public void remember(AppUser user) {
        if (user == null || user.realm() == Realm.INSURED || user.displayName() == null
                || user.displayName().isBlank() || user.displayName().equals(user.username())) {
            return;
        }
        String account = user.account();
        if (user.displayName().equals(staff.get(account))) {
            return;
        }
        try {
            separate.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO app.staff_name (account, display_name) VALUES (:account, :name)
                            ON CONFLICT (account) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = now()
                            WHERE app.staff_name.display_name <> EXCLUDED.display_name""")
                    .param("account", account).param("name", user.displayName()).update());
            staff.put(account, user.displayName());
            unnamedSince.remove(account);
        } catch (RuntimeException e) {
            // a name is a nicety: the request goes on, the next one tries again
            log.warn("Could not record the display name of {}: {}", account, e.getMessage());
        }
    }

    /** The name to show for an account; null and blank stay empty. */
    public String name(String account) {
        if (account == null || account.isBlank()) {
            return "";
        }
        return names(List.of(account)).get(account);
    }

    /** {@link #name} for many accounts at once (one query per kind); every account given is a key of the answer. */
    public Map<String, String> names(Collection<String> accounts) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> staffUnknown = new java.util.ArrayList<>();
        List<String> insured = new java.util.ArrayList<>();
        for (String a : accounts) {
            if (a == null || a.isBlank() || result.containsKey(a)) {
                continue;
            }
            if (a.startsWith(Realm.INSURED.id() + ":")) {
                insured.add(a);
            } else if (staff.containsKey(a)) {
                result.put(a, staff.get(a));
            } else if (a.indexOf(':') > 0 && !recentlyUnnamed(a)) {
                staffUnknown.add(a);
            }
        }
        if (!staffUnknown.isEmpty()) {
            Map<String, String> found = new HashMap<>();
            jdbc.sql("SELECT account, display_name FROM app.staff_name WHERE account IN (:accounts)")
                    .param("accounts", staffUnknown)
                    .query((rs, i) -> found.put(rs.getString(1), rs.getString(2))).list();
            staff.putAll(found);
            result.putAll(found);
            long now = System.currentTimeMillis();
            staffUnknown.stream().filter(a -> !found.containsKey(a)).forEach(a -> unnamedSince.put(a, now));
        }
        if (!insured.isEmpty()) {
            insuredNames.orderedStream().forEach(source -> result.putAll(source.maskedNames(insured)));
        }
        for (String a : accounts) {
            if (a != null) {
                result.putIfAbsent(a, withoutRealm(a));
            }
        }
        return result;
    }

    private boolean recentlyUnnamed(String account) {
        Long since = unnamedSince.get(account);
        return since != null && System.currentTimeMillis() - since < UNNAMED_RECHECK_MILLIS;
    }

    /** {@code clerks:cy-counter} → {@code cy-counter}: the last resort when no name is known. */
    public static String withoutRealm(String account) {
        if (account == null) {
            return "";
        }
        int colon = account.indexOf(':');
        return colon > 0 && Realm.byId(account.substring(0, colon)).isPresent() ? account.substring(colon + 1) : account;
    }
}
