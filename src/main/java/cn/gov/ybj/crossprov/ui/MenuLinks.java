package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.identity.AppUser;

import java.util.List;

/**
 * Menu entries that are not Vaadin routes (e.g. the Camunda webapps), contributed by modules as
 * Spring beans. Screens that are Vaadin routes put themselves into the menu with Vaadin's
 * {@code @Menu(title = "<translation key>", order = …)} instead; {@link MainLayout} shows both,
 * sorted by order.
 */
public interface MenuLinks {

    /** The links this user may follow (empty if none). */
    List<Link> linksFor(AppUser user);

    /**
     * @param titleKey translation key of the label
     * @param href     URL outside the Vaadin router, relative to the application's root
     * @param order    position among the menu entries, as {@code @Menu(order)}
     */
    record Link(String titleKey, String href, double order) {
    }
}
