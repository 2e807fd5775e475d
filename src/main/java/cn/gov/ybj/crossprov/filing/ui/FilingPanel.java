package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.shared.PersonNames;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.shared.IdNumber;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.List;

/** A filing's fields, status with reason, materials (opened inline in a new tab) and history; for details and review. */
class FilingPanel extends VerticalLayout {

    FilingPanel(WizardServices services, AppUser viewer, Filing f) {
        setPadding(false);
        boolean en = Errors.english(this);
        Span status = new Span(f.statusLabel(en));
        status.setId("detail-status");
        status.getElement().getThemeList().add("badge");
        FormLayout fields = new FormLayout();
        fields.setId("detail-fields");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        fields.addFormItem(status, getTranslation("filings.col.status"));
        if (f.statusReason() != null && !f.statusReason().isBlank()) {
            Span reason = new Span(f.statusReason(en));
            reason.setId("detail-reason");
            fields.addFormItem(reason, getTranslation("detail.reason"));
        }
        Span serial = new Span(f.applicationSerial());
        serial.setId("detail-serial");
        fields.addFormItem(serial, getTranslation("result.serial"));
        Span number = new Span(f.filingNumber() == null ? "—" : f.filingNumber());
        number.setId("detail-filing-number");
        fields.addFormItem(number, getTranslation("result.filingNumber"));
        // the owner sees their own (and their family's) name; clerks see it as the counter needs it
        boolean insured = viewer.realm() == Realm.INSURED;
        fields.addFormItem(new Span(insured ? PersonNames.mask(f.personName()) : f.personName()), getTranslation("result.name"));
        fields.addFormItem(new Span(IdNumber.mask(f.personIdNumber())), getTranslation("idnumber"));
        fields.addFormItem(new Span(en ? getTranslation("filingType." + f.filingType().name()) : f.filingType().label()),
                getTranslation("result.type"));
        fields.addFormItem(new Span(en ? f.insuranceType().labelEn() : f.insuranceType().label()), getTranslation("result.insuranceType"));
        fields.addFormItem(new Span(getTranslation(FilingActions.tabKey(f.channel()))), getTranslation("detail.channel"));
        fields.addFormItem(new Span(area(services, f.insuredAreaCode())), getTranslation("wizard.insuredArea"));
        fields.addFormItem(new Span(area(services, f.treatmentAreaCode())), getTranslation("result.treatmentArea"));
        fields.addFormItem(new Span(f.startDate() + " ~ " + f.endDate()), getTranslation("filings.col.period"));
        fields.addFormItem(new Span(getTranslation(f.referral() ? "yes" : "no")), getTranslation("wizard.referral"));
        if (f.institutionCode() != null) {
            fields.addFormItem(new Span(services.institutions().find(f.institutionCode())
                    .map(i -> getTranslation("common.withCode", i.name(), i.code())).orElse(f.institutionCode())), getTranslation("wizard.institution"));
        }
        fields.addFormItem(new Span(nz(f.contactName()) + " " + nz(f.contactPhone())), getTranslation("wizard.contactName"));
        fields.addFormItem(new Span(nz(f.contactAddress())), getTranslation("wizard.contactAddress"));
        fields.addFormItem(new Span(getTranslation(f.commitmentGiven() ? "yes" : "no")), getTranslation("wizard.commitmentInstead"));
        fields.addFormItem(new Span(f.submittedAt() == null ? "" : FilingWizard.TIME.format(f.submittedAt())), getTranslation("detail.submittedAt"));
        if (f.openedAt() != null) {
            fields.addFormItem(new Span(FilingWizard.TIME.format(f.openedAt())), getTranslation("result.openedAt"));
        }
        add(fields);
        if (f.hasOpened()) {
            // both papers of an opened filing, for its owner on the details and for the counter
            add(new HorizontalLayout(
                    services.registrationForm(viewer, f, getTranslation("filing.registrationForm")),
                    services.receipt(viewer, f, getTranslation("filing.receipt"))));
        }
        if (services.changes().mayChangeAtCounter(viewer, f)) {
            Button change = new Button(getTranslation("change.counter"),
                    e -> getUI().ifPresent(ui -> ui.navigate("clerk/filing/" + f.id() + "/change")));
            change.setId("counter-change");
            add(change);
        }

        add(new H3(getTranslation("wizard.materials")));
        List<FilingMaterial> materials = services.filings().materials(viewer, f.id());
        if (materials.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("detail.materials.none"));
            none.setId("materials-none");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("materials");
            for (FilingMaterial m : materials) {
                DownloadHandler handler = DownloadHandler.fromInputStream(event -> services.filings()
                        .materialContent(viewer, f.id(), m.id())
                        .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), m.fileName(), m.contentType(), bytes.length))
                        .orElse(DownloadResponse.error(404))).inline();
                Anchor open = new Anchor(handler, m.fileName());
                open.setTarget(AnchorTarget.BLANK);
                open.setId("material-" + m.id());
                list.add(new ListItem(open, new Span(" · " + materialKind(this, m) + " · " + (m.sizeBytes() / 1024 + 1) + " KB")));
            }
            add(list);
        }

        add(new H3(getTranslation("detail.history")));
        Grid<Filing.Event> history = new Grid<>();
        history.setId("history");
        history.addColumn(e -> FilingWizard.TIME.format(e.at())).setHeader(getTranslation("detail.history.at")).setAutoWidth(true);
        List<Filing.Event> events = services.filings().history(viewer, f.id());
        // records keep account ids; clerks see who acted by name (an insured person's masked)
        java.util.Map<String, String> actors = insured ? java.util.Map.of()
                : services.names().names(events.stream().map(Filing.Event::actor).filter(java.util.Objects::nonNull).toList());
        history.addColumn(e -> insured || e.actor() == null ? "" : "system".equals(e.actor()) ? getTranslation("detail.history.actor.system") : actors.getOrDefault(e.actor(), e.actor())).setHeader(getTranslation("detail.history.actor")).setAutoWidth(true)
                .setVisible(!insured);
        history.addColumn(e -> e.action(en)).setHeader(getTranslation("detail.history.action")).setAutoWidth(true);
        history.addColumn(e -> e.status() == null ? "" : e.status().label(f.reviewMode() == null
                ? cn.gov.ybj.crossprov.filing.ReviewMode.MANUAL : f.reviewMode(), en)).setHeader(getTranslation("filings.col.status"));
        history.addColumn(e -> nz(e.reason(en))).setHeader(getTranslation("detail.reason"));
        // clerks see whether the national filing registry has acknowledged each reportable step
        history.addColumn(e -> !e.reportable() ? "" : e.registryReceipt() == null ? getTranslation("detail.history.registry.pending")
                        : getTranslation("detail.history.registry.reported", e.registryReceipt()))
                .setHeader(getTranslation("detail.history.registry")).setAutoWidth(true).setVisible(!insured);
        PhoneLayout.cards(history, getTranslation("detail.history.action"), e -> PhoneLayout.card(e.action(en),
                FilingWizard.TIME.format(e.at()) + (e.status() == null ? "" : " · " + e.status().label(f.reviewMode() == null
                        ? cn.gov.ybj.crossprov.filing.ReviewMode.MANUAL : f.reviewMode(), en)),
                insured || e.actor() == null ? null : actors.getOrDefault(e.actor(), e.actor()),
                e.reason() == null || e.reason().isBlank() ? null : e.reason()));
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        history.setItems(events);
        add(history);
        add(new FilingChangeSection(services, viewer, f));
        add(new CancellationSection(services, viewer, f));
        add(new SupplementSection(services, viewer, f));
    }

    private String area(WizardServices services, String code) {
        return code == null ? "" : getTranslation("common.withCode", services.divisions().name(code).orElse(code), code);
    }

    /** A material's kind: stored in Chinese, shown in English by the filing type it belongs to. */
    static String materialKind(com.vaadin.flow.component.Component c, FilingMaterial m) {
        if (!Errors.english(c)) {
            return nz(m.kind());
        }
        if (FilingMaterial.OTHER_KIND.equals(m.kind())) {
            return c.getTranslation("filingMaterial.OTHER");
        }
        return m.filingType().map(t -> c.getTranslation("filingMaterial." + t.name())).orElse(nz(m.kind()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
