package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import java.util.Locale;

/** Picks the Chinese or English half of bilingual service messages for the UI's language. */
final class Texts {

    private Texts() {
    }

    static boolean english(Component component) {
        UI ui = component.getUI().orElse(UI.getCurrent());
        Locale locale = ui == null ? null : ui.getLocale();
        return locale != null && "en".equals(locale.getLanguage());
    }

    static String message(Component component, BusinessRuleException e) {
        return english(component) ? e.messageEn() : e.messageZh();
    }
}
