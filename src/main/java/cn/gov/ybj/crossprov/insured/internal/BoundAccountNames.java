package cn.gov.ybj.crossprov.insured.internal;

import cn.gov.ybj.crossprov.identity.AccountNames;
import cn.gov.ybj.crossprov.shared.PersonNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** An insured account is named by the registry person it is bound to, masked as lists show persons (张*). */
@Component
class BoundAccountNames implements AccountNames.InsuredNames {

    private final JdbcClient jdbc;

    BoundAccountNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> maskedNames(Collection<String> insuredAccounts) {
        Map<String, String> names = new HashMap<>();
        if (insuredAccounts.isEmpty()) {
            return names;
        }
        jdbc.sql("""
                        SELECT b.account, r.name FROM app.account_binding b
                        JOIN app.insurance_record r ON r.id_number = b.id_number WHERE b.account IN (:accounts)""")
                .param("accounts", insuredAccounts)
                .query((rs, i) -> names.put(rs.getString(1), PersonNames.mask(rs.getString(2)))).list();
        return names;
    }
}
