package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.ui.PhoneLayout;
import cn.gov.ybj.crossprov.filing.cancellation.Cancellation;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

import java.util.List;

/**
 * 取消备案 on the details page: the filing's requests (time, channel, status, reason of a
 * refusal) and, for a counter clerk of the insured area, 窗口取消备案 of an opened filing.
 * Shows nothing when there is neither.
 */
class CancellationSection extends VerticalLayout {

    CancellationSection(WizardServices services, AppUser viewer, Filing f) {
        setPadding(false);
        setId("cancellation-section");
        List<Cancellation> requests = services.cancellations().ofFiling(viewer, f.id());
        boolean counter = services.cancellations().mayCancelAtCounter(viewer, f) && requests.stream().noneMatch(Cancellation::pending);
        if (requests.isEmpty() && !counter) {
            setVisible(false);
            return;
        }
        boolean en = Errors.english(this);
        add(new H3(getTranslation("cancel.section")));
        if (!requests.isEmpty()) {
            Grid<Cancellation> grid = new Grid<>();
            grid.setId("cancellations");
            grid.addColumn(c -> FilingWizard.TIME.format(c.requestedAt())).setHeader(getTranslation("cancel.col.at")).setAutoWidth(true);
            grid.addColumn(c -> en ? c.channel().labelEn() : c.channel().label()).setHeader(getTranslation("cancel.col.channel")).setAutoWidth(true);
            grid.addColumn(c -> getTranslation("cancel.status." + c.status().name())).setHeader(getTranslation("cancel.col.status")).setAutoWidth(true);
            grid.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("cancel.col.reason"));
            PhoneLayout.cards(grid, getTranslation("cancel.col.status"), c -> PhoneLayout.card(
                    getTranslation("cancel.status." + c.status().name()),
                    FilingWizard.TIME.format(c.requestedAt()) + " · " + (en ? c.channel().labelEn() : c.channel().label()), c.reason()));
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.setAllRowsVisible(true);
            grid.setItems(requests);
            add(grid);
        }
        if (counter) {
            Span error = new Span();
            error.setId("counter-cancel-error");
            error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
            error.setVisible(false);
            Button start = new Button(getTranslation("cancel.counter"));
            start.setId("counter-cancel");
            start.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button confirm = new Button(getTranslation("cancel.counter.confirm"));
            confirm.setId("counter-cancel-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            confirm.setVisible(false);
            start.addClickListener(e -> {
                start.setVisible(false);
                confirm.setVisible(true);
            });
            confirm.addClickListener(e -> {
                Errors.clear(error);
                try {
                    services.cancellations().request(viewer, f.id());
                    Errors.success(getTranslation("cancel.counter.done", f.applicationSerial()));
                    UI.getCurrent().refreshCurrentRoute(false);
                } catch (BusinessRuleException ex) {
                    Errors.show(error, ex);
                }
            });
            add(error, new HorizontalLayout(start, confirm));
        }
    }
}
