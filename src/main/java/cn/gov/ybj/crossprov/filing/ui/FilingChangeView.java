package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.change.FilingChange;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import cn.gov.ybj.crossprov.workflow.ui.CamundaFormRenderer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
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
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * 信息变更 (004 §2.2.1.3): the 告知书 first, then the change form of {@code forms/filing-change.form}
 * prefilled with the filing's current values, then the result (applied, or sent to review). A counter clerk of the
 * insured area changes any opened filing of the area the same way, without the 告知书 (the person is at the counter),
 * and the change applies at once (003 第九条: the insured area confirms it).
 */
@Route(value = "insured/filing/:id([0-9a-fA-F-]{36})/change", layout = MainLayout.class)
@RouteAlias(value = "clerk/filing/:id([0-9a-fA-F-]{36})/change", layout = MainLayout.class)
@RolesAllowed({Roles.INSURED, Roles.COUNTER})
public class FilingChangeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String FORM_ID = "filing-change";

    private final WizardServices services;
    final Checkbox noticeAccepted = new Checkbox();
    final Button noticeContinue = new Button();
    final Button submit = new Button();
    final Span error = new Span();
    final VerticalLayout stepNotice = new VerticalLayout();
    final VerticalLayout stepForm = new VerticalLayout();
    final VerticalLayout stepResult = new VerticalLayout();
    CamundaFormRenderer form;
    private AppUser actor;
    private Filing filing;

    public FilingChangeView(WizardServices services) {
        this.services = services;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H2 title = new H2(getTranslation("change.title"));
        title.setId("view-title");
        add(title);
        actor = services.currentUser().require();
        Optional<Filing> found = FilingPages.filingOrNotFound(this, services, actor, event);
        if (found.isEmpty()) {
            return;
        }
        filing = found.get();
        error.setId("change-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        buildNotice();
        buildForm();
        stepResult.setId("change-step-result");
        stepResult.setPadding(false);
        stepNotice.setVisible(!atCounter());
        stepForm.setVisible(atCounter());
        stepResult.setVisible(false);
        add(error, stepNotice, stepForm, stepResult);
    }

    private void buildNotice() {
        stepNotice.setId("change-step-notice");
        stepNotice.setPadding(false);
        Div text = FilingPages.letter(this, FilingManagement::noticeText, "change-notice-text");
        noticeAccepted.setId("change-notice-accepted");
        noticeAccepted.setLabel(getTranslation("change.notice.accept"));
        noticeContinue.setId("change-notice-continue");
        noticeContinue.setText(getTranslation("change.notice.continue"));
        noticeContinue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        noticeContinue.setEnabled(false);
        noticeAccepted.addValueChangeListener(e -> noticeContinue.setEnabled(Boolean.TRUE.equals(e.getValue())));
        noticeContinue.addClickListener(e -> {
            if (Boolean.TRUE.equals(noticeAccepted.getValue())) {
                stepNotice.setVisible(false);
                stepForm.setVisible(true);
            }
        });
        stepNotice.add(new H3(getTranslation("wizard.notice.title")), text, noticeAccepted, noticeContinue);
    }

    private void buildForm() {
        stepForm.setId("change-step-form");
        stepForm.setPadding(false);
        Paragraph fixed = new Paragraph(getTranslation("change.fixed", filing.applicationSerial(),
                services.divisions().name(filing.treatmentAreaCode()).orElse(filing.treatmentAreaCode()),
                Errors.english(this) ? getTranslation("filingType." + filing.filingType().name()) : filing.filingType().label()));
        fixed.setId("change-fixed");
        form = CamundaFormRenderer.load(FORM_ID);
        form.setId("change-form");
        form.<LocalDate>field("startDate").setValue(filing.startDate());
        form.<LocalDate>field("endDate").setValue(filing.endDate());
        form.<String>field("contactName").setValue(nz(filing.contactName()));
        form.<String>field("contactPhone").setValue(nz(filing.contactPhone()));
        form.<String>field("contactAddress").setValue(nz(filing.contactAddress()));
        form.<String>field("institutionCode").setValue(nz(filing.institutionCode()));
        // the institution is changeable only where the filing names or needs one
        boolean institution = filing.institutionCode() != null || filing.filingType().needsInstitution();
        form.fields().get("institutionCode").component().setVisible(institution);
        submit.setId("change-submit");
        submit.setText(getTranslation("change.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        Paragraph hint = hint("change-hint");
        hint.setVisible(!atCounter());
        Button back = new Button(getTranslation(atCounter() ? "change.back.counter" : "change.back"),
                e -> getUI().ifPresent(ui -> ui.navigate(atCounter() ? detailsRoute() : "insured")));
        back.setId("change-back");
        stepForm.add(fixed, form, hint, new HorizontalLayout(back, submit));
    }

    void submit() {
        Errors.clear(error);
        if (!form.validate().isEmpty()) {
            Errors.showText(error, getTranslation("change.invalid"));
            return;
        }
        Map<String, Object> v = form.values();
        boolean institution = form.fields().get("institutionCode").component().isVisible();
        FilingChange change = new FilingChange(date(v.get("startDate")), date(v.get("endDate")),
                (String) v.get("contactName"), (String) v.get("contactPhone"), (String) v.get("contactAddress"),
                institution ? (String) v.get("institutionCode") : null, null, null, null, null);
        try {
            FilingChangeRecord result = services.changes().request(actor, filing.id(), change);
            showResult(result);
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    private void showResult(FilingChangeRecord result) {
        Filing now = services.filings().find(actor, filing.id()).orElse(filing);
        stepResult.removeAll();
        boolean applied = result.status() == FilingChangeRecord.Status.APPLIED;
        H3 title = new H3(getTranslation(applied ? "change.result.applied" : "change.result.pending"));
        title.setId("change-result-title");
        FormLayout fields = new FormLayout();
        fields.setId("change-result-fields");
        fields.addFormItem(span(now.applicationSerial(), "change-result-serial"), getTranslation("result.serial"));
        fields.addFormItem(span(now.filingNumber() == null ? "—" : now.filingNumber(), "change-result-number"),
                getTranslation("result.filingNumber"));
        fields.addFormItem(span(now.startDate() + " ~ " + now.endDate(), "change-result-period"), getTranslation("filings.col.period"));
        fields.addFormItem(span(nz(now.contactName()), "change-result-contact"), getTranslation("wizard.contactName"));
        fields.addFormItem(span(nz(now.contactPhone()), "change-result-phone"), getTranslation("wizard.contactPhone"));
        fields.addFormItem(span(nz(now.contactAddress()), "change-result-address"), getTranslation("wizard.contactAddress"));
        if (now.institutionCode() != null) {
            fields.addFormItem(span(services.institutions().find(now.institutionCode())
                    .map(i -> getTranslation("common.withCode", i.name(), i.code())).orElse(now.institutionCode()), "change-result-institution"),
                    getTranslation("wizard.institution"));
        }
        Paragraph changed = new Paragraph(getTranslation("change.result.what") + result.summary());
        changed.setId("change-result-summary");
        Button details = new Button(getTranslation("change.details"),
                e -> getUI().ifPresent(ui -> ui.navigate(detailsRoute())));
        details.setId("change-details");
        Paragraph resultHint = hint("change-result-hint");
        resultHint.setVisible(!atCounter());
        stepResult.add(title, fields, changed, resultHint, details);
        stepForm.setVisible(false);
        stepResult.setVisible(true);
    }

    private boolean atCounter() {
        return actor.realm() == Realm.CLERKS;
    }

    private String detailsRoute() {
        return (atCounter() ? "clerk/filing/" : "insured/filing/") + filing.id();
    }

    private Paragraph hint(String id) {
        Paragraph hint = new Paragraph(getTranslation("change.hint"));
        hint.setId(id);
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        hint.getStyle().set("white-space", "pre-wrap");
        return hint;
    }

    private static Span span(String text, String id) {
        Span s = new Span(text);
        s.setId(id);
        return s;
    }

    private static LocalDate date(Object iso) {
        return iso == null ? null : LocalDate.parse(iso.toString());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("change.title");
    }
}
