package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.identity.AppUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** What the pages of one filing share: the filing of the route's {@code id} if the user may see it, the letters to accept. */
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

    /**
     * The 告知书 or 承诺书 as the person reads it before accepting, in the UI's language; in English with the note that
     * the Chinese text is the one that applies (it is the one stored with the filing).
     */
    static Div letter(Component owner, Function<Locale, String> text, String id) {
        Locale locale = UI.getCurrent().getLocale();
        Div letter = new Div();
        letter.setText(text.apply(locale));
        letter.setId(id);
        letter.getStyle().set("white-space", "pre-wrap");
        letter.addClassNames(LumoUtility.Border.ALL, LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM);
        if ("en".equals(locale.getLanguage())) {
            Paragraph note = new Paragraph(owner.getTranslation("letter.translationNote"));
            note.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            letter.add(note);
        }
        return letter;
    }

    static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
