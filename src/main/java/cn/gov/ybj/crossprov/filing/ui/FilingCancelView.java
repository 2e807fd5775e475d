package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.cancellation.Cancellation;
import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.ReviewMode;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;

/**
 * 取消备案 (004 §2.1.1.2, §2.2.1.2): the person confirms; a self-service filing closes at once, a
 * quick filing's request waits for the insured area's review. A refusal (a request already
 * pending, counter only) is shown and nothing else happens.
 */
@Route(value = "insured/filing/:id([0-9a-fA-F-]{36})/cancel", layout = MainLayout.class)
@RolesAllowed(Roles.INSURED)
public class FilingCancelView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final WizardServices services;
    private final Span error = new Span();

    public FilingCancelView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("cancel.title"));
        title.setId("view-title");
        add(title);
        AppUser actor = services.currentUser().require();
        Optional<Filing> found = FilingPages.filingOrNotFound(this, services, actor, event);
        if (found.isEmpty()) {
            return;
        }
        Filing f = found.get();
        boolean en = Errors.english(this);
        FormLayout summary = new FormLayout();
        summary.setId("cancel-summary");
        summary.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        summary.addFormItem(span("cancel-serial", f.applicationSerial()), getTranslation("result.serial"));
        summary.addFormItem(span("cancel-filing-number", f.filingNumber() == null ? "—" : f.filingNumber()),
                getTranslation("result.filingNumber"));
        summary.addFormItem(new Span(PersonNames.mask(f.personName())), getTranslation("result.name"));
        summary.addFormItem(new Span(en ? getTranslation("filingType." + f.filingType().name()) : f.filingType().label()),
                getTranslation("result.type"));
        summary.addFormItem(new Span(services.divisions().name(f.treatmentAreaCode()).orElse(f.treatmentAreaCode())),
                getTranslation("result.treatmentArea"));
        summary.addFormItem(new Span(f.startDate() + " ~ " + f.endDate()), getTranslation("filings.col.period"));
        summary.addFormItem(span("cancel-filing-status", f.statusLabel(en)), getTranslation("filings.col.status"));
        add(new Paragraph(getTranslation("cancel.intro")), summary);

        boolean quick = f.channel() == Channel.NATIONAL_APP_QUICK && f.reviewMode() != ReviewMode.AUTO;
        Paragraph note = new Paragraph(getTranslation(quick ? "cancel.reviewNote" : "cancel.selfNote"));
        note.setId(quick ? "cancel-review-note" : "cancel-self-note");
        note.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        add(note);

        error.setId("cancel-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        Button back = new Button(getTranslation("cancel.back"), e -> getUI().ifPresent(ui -> ui.navigate("insured")));
        back.setId("cancel-back");
        Button confirm = new Button(getTranslation("cancel.confirm"));
        confirm.setId("cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout buttons = new HorizontalLayout(back, confirm);
        VerticalLayout confirmation = new VerticalLayout(error, buttons);
        confirmation.setPadding(false);
        add(confirmation);
        confirm.addClickListener(e -> {
            Errors.clear(error);
            try {
                Cancellation c = services.cancellations().request(actor, f.id());
                confirmation.setVisible(false);
                note.setVisible(false);
                showResult(c);
            } catch (BusinessRuleException ex) {
                Errors.show(error, ex);
            }
        });
    }

    private void showResult(Cancellation c) {
        H3 done = new H3(getTranslation(c.pending() ? "cancel.result.submitted" : "cancel.result.closed"));
        done.setId("cancel-result-title");
        FormLayout result = new FormLayout();
        result.setId("cancel-result");
        Span status = span("cancel-result-status", getTranslation("cancel.status." + c.status().name()));
        status.getElement().getThemeList().add(c.pending() ? "badge" : "badge success");
        result.addFormItem(status, getTranslation("cancel.result.status"));
        result.addFormItem(new Span(FilingWizard.TIME.format(c.requestedAt())), getTranslation("cancel.col.at"));
        Button records = new Button(getTranslation("cancel.toRecords"), e -> getUI().ifPresent(ui -> ui.navigate("insured")));
        records.setId("cancel-to-records");
        records.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(done, result, records);
    }

    private static Span span(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        return s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cancel.title");
    }
}
