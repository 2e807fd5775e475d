package cn.gov.ybj.crossprov.settlement.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.identity.Roles;
import cn.gov.ybj.crossprov.settlement.SettlementQueries;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.shared.ChinaTime;
import cn.gov.ybj.crossprov.shared.DivisionNames;
import cn.gov.ybj.crossprov.ui.Errors;
import cn.gov.ybj.crossprov.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** 结算信息查询 of a pooling area's clerks: the settlements of persons insured in the area, by discharge date. */
@Route(value = "clerk/settlements", layout = MainLayout.class)
@Menu(title = "nav.settlement.area", order = 232)
@RolesAllowed(Roles.CLERK)
public class AreaSettlementsView extends VerticalLayout implements HasDynamicTitle {

    public AreaSettlementsView(CurrentUser currentUser, SettlementQueries queries, DivisionNames divisions) {
        AppUser clerk = currentUser.require();
        H2 title = new H2(getTranslation("settlement.area.title"));
        title.setId("view-title");
        DatePicker from = new DatePicker(getTranslation("settlement.from"), SettlementQueries.defaultFrom());
        from.setId("settlement-from");
        DatePicker to = new DatePicker(getTranslation("settlement.to"), ChinaTime.today());
        to.setId("settlement-to");
        TextField idNumber = new TextField(getTranslation("settlement.idNumber"));
        idNumber.setId("settlement-id-number");
        idNumber.setClearButtonVisible(true);
        Span error = new Span();
        error.setId("settlement-error");
        var grid = SettlementGrids.list(divisions);
        Button query = new Button(getTranslation("settlement.query"), e -> {
            Errors.clear(error);
            try {
                grid.setItems(queries.ofArea(clerk, from.getValue(), to.getValue(), idNumber.getValue()));
            } catch (BusinessRuleException ex) {
                grid.setItems();
                Errors.show(error, ex);
            }
        });
        query.setId("settlement-query");
        query.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(from, to, idNumber, query);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(title, filters, error, grid);
        query.click();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settlement.area.title");
    }
}
