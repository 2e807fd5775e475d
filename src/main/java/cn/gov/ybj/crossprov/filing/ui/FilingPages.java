package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.identity.AppUser;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;

import java.util.Optional;
import java.util.UUID;

/** What the pages of one filing share: the filing of the route's {@code id} if the user may see it. */
final class FilingPages {

    private FilingPages() {
    }

    /** The filing, or empty after adding 「未找到该备案」 to the page: absent and not the user's look the same. */
    static Optional<Filing> filingOrNotFound(VerticalLayout page, WizardServices services, AppUser actor, BeforeEnterEvent event) {
        Optional<Filing> found = event.getRouteParameters().get("id").flatMap(FilingPages::uuid)
                .flatMap(id -> services.filings().find(actor, id));
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(page.getTranslation("detail.notFound"));
            none.setId("not-found");
            page.add(none);
        }
        return found;
    }

    static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
