package cn.gov.ybj.crossprov.identity.internal;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code GET /api/me}: who the bearer token belongs to (realm, roles, administrative unit). */
@RestController
class MeController {

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/api/me")
    Map<String, Object> me() {
        AppUser user = currentUser.require();
        return Map.of(
                "realm", user.realm().id(),
                "username", user.username(),
                "displayName", user.displayName(),
                "roles", new TreeSet<>(user.roles()),
                "groups", user.groups() == null ? List.of() : user.groups(),
                "unitCode", user.unitCode() == null ? "" : user.unitCode());
    }
}
