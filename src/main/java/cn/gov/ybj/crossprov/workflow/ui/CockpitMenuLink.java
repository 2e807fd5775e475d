package cn.gov.ybj.crossprov.workflow.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.ui.MenuLinks;
import org.springframework.stereotype.Component;

import java.util.List;

/** 流程监控: Camunda Cockpit (not a Vaadin route) for process admins, last in the clerks' menu. */
@Component
class CockpitMenuLink implements MenuLinks {

    @Override
    public List<Link> linksFor(AppUser user) {
        return user.hasRole(Roles.PROCESS_ADMIN) ? List.of(new Link("nav.cockpit", "camunda/app/cockpit/", 290)) : List.of();
    }
}
