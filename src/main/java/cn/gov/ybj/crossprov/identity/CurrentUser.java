package cn.gov.ybj.crossprov.identity;

import cn.gov.ybj.crossprov.identity.internal.TokenUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who is logged in, for browser sessions (OIDC login) and API calls (bearer tokens) alike. */
@Component
public class CurrentUser {

    /** null where the object is made by hand (Camunda's webapp filter): nothing is recorded there */
    private final AccountNames names;

    public CurrentUser() {
        this(null);
    }

    @Autowired
    public CurrentUser(AccountNames names) {
        this.names = names;
    }

    public Optional<AppUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Optional<AppUser> user = TokenUsers.from(auth);
        if (names != null) {
            // whoever acts is named in records by account id; keep the name screens show instead
            user.ifPresent(names::remember);
        }
        return user;
    }

    public AppUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }
}
