package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;

import java.util.ArrayList;
import java.util.List;

/**
 * Screens on a phone (390 px): a wide grid becomes a card list, one column of cards in place of
 * its columns. The width comes from the browser (window size at attach, then resize events);
 * CSS alone cannot do it, a grid's columns are not styled by media queries.
 */
public final class PhoneLayout {

    /** at most this wide (CSS px) the screen is a phone's; crossprov.css uses the same width */
    public static final int NARROW_MAX_WIDTH = 600;
    private static final String NARROW = "phone-layout-narrow";

    private PhoneLayout() {
    }

    /** Calls {@code narrowChanged} with true or false once the width is known, then whenever it crosses {@link #NARROW_MAX_WIDTH}. */
    public static void follow(Component owner, SerializableConsumer<Boolean> narrowChanged) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Boolean[] last = {null};
            SerializableConsumer<Integer> width = w -> {
                boolean narrow = w > 0 && w <= NARROW_MAX_WIDTH;
                if (last[0] == null || last[0] != narrow) {
                    last[0] = narrow;
                    narrowChanged.accept(narrow);
                }
            };
            ui.getPage().retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> width.accept(e.getWidth()));
            owner.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Whether {@code grid} shows its card list now (its other columns' component renderers may skip their work then). */
    public static boolean narrow(Grid<?> grid) {
        return Boolean.TRUE.equals(ComponentUtil.getData(grid, NARROW));
    }

    /**
     * On a phone the grid shows one column with a card per item (key {@code card}) instead of
     * its other columns; on a wider screen the columns come back. Only the shown columns'
     * components are made, so an id in a card is never twice on the page.
     */
    public static <T> Grid.Column<T> cards(Grid<T> grid, String header, SerializableFunction<T, Component> card) {
        Grid.Column<T> cards = grid.addComponentColumn(item -> narrow(grid) ? card.apply(item) : new Span())
                .setKey("card").setHeader(header).setFlexGrow(1);
        cards.setVisible(false);
        List<Grid.Column<T>> hidden = new ArrayList<>();
        follow(grid, narrow -> {
            if (narrow == narrow(grid)) {
                return;
            }
            ComponentUtil.setData(grid, NARROW, narrow);
            if (narrow) {
                for (Grid.Column<T> column : grid.getColumns()) {
                    if (column != cards && column.isVisible()) {
                        column.setVisible(false);
                        hidden.add(column);
                    }
                }
            } else {
                hidden.forEach(c -> c.setVisible(true));
                hidden.clear();
            }
            cards.setVisible(narrow);
            grid.getDataProvider().refreshAll();
        });
        return cards;
    }

    /** A card: its title line (bold) and further lines; a line may be a text or a component. */
    public static Div card(Object title, Object... lines) {
        Span head = new Span(String.valueOf(title));
        head.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere");
        // styled here, not in crossprov.css: the public screens have no MainLayout that loads it
        Div card = new Div(head);
        card.addClassName("phone-card");
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-xs) 0").set("white-space", "normal").set("min-width", "0");
        for (Object line : lines) {
            if (line == null) {
                continue;
            }
            Component component = line instanceof Component c ? c : new Span(line.toString());
            if (!(line instanceof Component)) {
                component.getElement().getStyle().set("font-size", "var(--lumo-font-size-s)").set("overflow-wrap", "anywhere");
            }
            card.add(component);
        }
        return card;
    }
}
