package cn.gov.ybj.crossprov.transfer.ui;

import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.CurrentUser;
import cn.gov.ybj.crossprov.reference.PoolingArea;
import cn.gov.ybj.crossprov.reference.PoolingAreas;
import cn.gov.ybj.crossprov.shared.BusinessRuleException;
import cn.gov.ybj.crossprov.transfer.TransferCase;
import cn.gov.ybj.crossprov.transfer.TransferCases;
import cn.gov.ybj.crossprov.ui.Errors;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.theme.lumo.LumoUtility;


/**
 * The shape of both applications as seed 001 shows them: query fields and 【查询】, then the
 * 申报信息 with the phone number and 【提交】; a refusal shows at the step that caused it and
 * keeps what was entered.
 */
abstract class ApplicationView extends VerticalLayout implements HasDynamicTitle {

    protected final TransferCases transfers;
    protected final AppUser user;
    private final String titleKey;
    private final Span error = new Span();
    private final VerticalLayout result = new VerticalLayout();
    private final TextField phone = new TextField();

    private final String noteKey;

    ApplicationView(CurrentUser currentUser, TransferCases transfers, String titleKey, String noteKey) {
        this.transfers = transfers;
        this.user = currentUser.require();
        this.titleKey = titleKey;
        this.noteKey = noteKey;
    }

    /** Lays the screen out with the view's query fields; called at the end of the subclass's constructor. */
    void layout(Component... queryFields) {
        H2 title = new H2(getTranslation(titleKey));
        title.setId("view-title");
        error.setId("transfer-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        error.setVisible(false);
        result.setPadding(false);
        result.setId("transfer-result");
        phone.setId("transfer-phone");
        phone.setLabel(getTranslation("transfer.phone"));
        phone.setRequiredIndicatorVisible(true);
        phone.setMaxLength(11);
        phone.setAllowedCharPattern("[0-9]");
        Button query = new Button(getTranslation("transfer.query"), e -> query());
        query.setId("transfer-query");
        query.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button(getTranslation("transfer.reset"), e -> reset());
        reset.setId("transfer-reset");
        for (Component field : queryFields) {
            // what is submitted is what was queried: a changed query field takes the preview away
            if (field instanceof HasValue<?, ?> value) {
                value.addValueChangeListener(e -> {
                    result.removeAll();
                    Errors.clear(error);
                });
            }
        }
        HorizontalLayout filters = new HorizontalLayout(queryFields);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.add(reset, query);
        add(title);
        if (noteKey != null) {
            Paragraph note = new Paragraph(getTranslation(noteKey));
            note.setId("transfer-note");
            add(note);
        }
        add(filters, error, result);
    }

    abstract TransferCases.Preview preview();

    abstract TransferCase apply(String phone);

    abstract void clearQuery();

    private void query() {
        Errors.clear(error);
        result.removeAll();
        try {
            TransferCases.Preview p = preview();
            Button submit = new Button(getTranslation("transfer.submit"), e -> submit());
            submit.setId("transfer-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            result.add(TransferPanels.preview(this, p, phone), submit);
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    private void submit() {
        Errors.clear(error);
        try {
            TransferCase c = apply(phone.getValue());
            result.removeAll();
            Paragraph done = new Paragraph(getTranslation("transfer.submitted", String.valueOf(c.getSerialNo()),
                    Errors.english(this) ? c.getStatus().labelEn() : c.getStatus().label()));
            done.setId("transfer-submitted");
            Button open = new Button(getTranslation("transfer.openProgress"),
                    e -> getUI().ifPresent(ui -> ui.navigate("transfers/" + c.getId())));
            open.setId("transfer-open-progress");
            result.add(done, open);
            Errors.success(done.getText());
        } catch (BusinessRuleException e) {
            Errors.show(error, e);
        }
    }

    private void reset() {
        clearQuery();
        phone.clear();
        result.removeAll();
        Errors.clear(error);
    }

    /** 转入地 / 转出地: any pooling area, found by typing part of its name or code. */
    ComboBox<PoolingArea> areaPicker(PoolingAreas areas, String id, String labelKey) {
        ComboBox<PoolingArea> box = new ComboBox<>(getTranslation(labelKey));
        box.setId(id);
        box.setRequiredIndicatorVisible(true);
        box.setClearButtonVisible(true);
        box.setWidth("20em");
        // filtered on the label as shown, so part of the name, the code or the whole label finds the area
        box.setItemLabelGenerator(a -> getTranslation("common.withCode", a.name(), a.code()));
        box.setItems((ComboBox.ItemFilter<PoolingArea>) (a, filter) -> box.getItemLabelGenerator().apply(a).contains(filter.strip()),
                areas.list(null));
        return box;
    }

    static String code(ComboBox<PoolingArea> box) {
        return box.getValue() == null ? null : box.getValue().code();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
