package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import java.util.List;

/** Tables in the house style: translated headers, an empty-state text, compact rows. */
public final class Tables {

    private Tables() {
    }

    /** A read-only table with the given translated headers; the module adds rows and value columns. */
    public static <T> Grid<T> of(Grid<T> grid, String emptyKey, List<String> headerKeys) {
        for (String key : headerKeys) {
            grid.addColumn(row -> "").setHeader(grid.getTranslation(key)).setAutoWidth(true);
        }
        grid.setEmptyStateText(grid.getTranslation(emptyKey));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
