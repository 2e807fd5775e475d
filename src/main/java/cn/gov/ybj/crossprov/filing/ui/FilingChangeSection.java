package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.change.FilingChangeRecord;
import cn.gov.ybj.crossprov.identity.AppUser;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.List;

/** 变更记录 on the details page: every 信息变更 of the filing, newest first, old → new. */
class FilingChangeSection extends VerticalLayout {

    FilingChangeSection(WizardServices services, AppUser viewer, Filing f) {
        setPadding(false);
        setId("change-section");
        List<FilingChangeRecord> changes = services.changes().history(viewer, f.id());
        setVisible(!changes.isEmpty());
        if (changes.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("change.history")));
        Grid<FilingChangeRecord> grid = new Grid<>();
        grid.setId("change-history");
        grid.addColumn(c -> c.version() == null ? "—" : getTranslation("change.history.versionN", c.version()))
                .setHeader(getTranslation("change.history.version")).setAutoWidth(true);
        grid.addColumn(c -> FilingWizard.TIME.format(c.requestedAt())).setHeader(getTranslation("detail.history.at")).setAutoWidth(true);
        grid.addColumn(FilingChangeRecord::summary).setHeader(getTranslation("change.history.what")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation("change.status." + c.status().name())).setHeader(getTranslation("filings.col.status")).setAutoWidth(true);
        grid.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("detail.reason")).setAutoWidth(true);
        PhoneLayout.cards(grid, getTranslation("change.history.what"), c -> PhoneLayout.card(c.summary(),
                (c.version() == null ? "—" : getTranslation("change.history.versionN", c.version())) + " · "
                        + FilingWizard.TIME.format(c.requestedAt()) + " · " + getTranslation("change.status." + c.status().name()),
                c.reason()));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(changes);
        add(grid);
    }
}
