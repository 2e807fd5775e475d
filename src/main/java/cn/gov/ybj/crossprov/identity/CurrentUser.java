package cn.gov.ybj.crossprov.identity;

import cn.gov.ybj.crossprov.identity.internal.TokenUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who is logged in, for browser sessions (OIDC login) and API calls (bearer tokens) alike. */
@Component
public class CurrentUser {

    public Optional<AppUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return TokenUsers.from(auth);
    }

    public AppUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }
}
