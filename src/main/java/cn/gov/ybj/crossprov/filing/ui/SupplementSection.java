package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingMaterial;
import cn.gov.ybj.crossprov.filing.supplement.Supplement;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

/**
 * 补充材料 on the details and review screens: whether the filing is valid in both places
 * (双向享受待遇) and every submission with its status, reason and files (opened inline).
 * Shown only for filings that may have supplements.
 */
class SupplementSection extends VerticalLayout {

    SupplementSection(WizardServices services, AppUser viewer, Filing f) {
        setPadding(false);
        setId("supplement-section");
        List<Supplement> supplements = services.supplements().ofFiling(viewer, f.id());
        if (!f.commitmentBased() && !f.bothPlaces() && supplements.isEmpty()) {
            setVisible(false);
            return;
        }
        boolean en = Errors.english(this);
        add(new H3(getTranslation("supplement.section.title")));
        Span bothPlaces = new Span(getTranslation(f.bothPlaces() ? "supplement.bothPlaces.yes" : "supplement.bothPlaces.no"));
        bothPlaces.setId("both-places");
        add(bothPlaces);
        if (supplements.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("supplement.none"));
            none.setId("supplements-none");
            add(none);
            return;
        }
        for (Supplement s : supplements) {
            Div entry = new Div();
            entry.setId("supplement-" + s.id());
            entry.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.SMALL);
            Span status = new Span(en ? s.status().labelEn() : s.status().label());
            status.setId("supplement-status-" + s.id());
            status.getElement().getThemeList().add("badge");
            entry.add(new Span(FilingWizard.TIME.format(s.submittedAt()) + " "), status);
            if (s.reason() != null && !s.reason().isBlank()) {
                Span reason = new Span(" " + getTranslation("common.labelled", getTranslation("detail.reason"), s.reason()));
                reason.setId("supplement-reason-" + s.id());
                entry.add(reason);
            }
            entry.add(files(services, viewer, f.id(), s.materials()));
            add(entry);
        }
    }

    /** The files as links that open inline in a new tab. */
    static UnorderedList files(WizardServices services, AppUser viewer, UUID filingId, List<FilingMaterial> materials) {
        UnorderedList list = new UnorderedList();
        for (FilingMaterial m : materials) {
            DownloadHandler handler = DownloadHandler.fromInputStream(event -> services.filings()
                    .materialContent(viewer, filingId, m.id())
                    .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), m.fileName(), m.contentType(), bytes.length))
                    .orElse(DownloadResponse.error(404))).inline();
            Anchor open = new Anchor(handler, m.fileName());
            open.setTarget(AnchorTarget.BLANK);
            open.setId("supplement-material-" + m.id());
            list.add(new ListItem(open, new Span(" · " + FilingPanel.materialKind(list, m) + " · "
                    + (m.sizeBytes() / 1024 + 1) + " KB")));
        }
        return list;
    }
}
