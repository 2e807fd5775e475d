package cn.gov.ybj.crossprov.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import java.util.List;
import java.util.function.Function;

/** Tables in the house style: translated headers, an empty-state text, compact rows. */
public final class Tables {

    private Tables() {
    }

    /** A read-only table whose columns show the given values of each row. */
    @SafeVarargs
    public static <T> Grid<T> of(Grid<T> grid, String emptyKey, List<String> headerKeys, Function<T, ?>... values) {
        for (int i = 0; i < headerKeys.size(); i++) {
            Function<T, ?> value = values.length > i ? values[i] : row -> "";
            grid.addColumn(row -> String.valueOf(value.apply(row))).setHeader(grid.getTranslation(headerKeys.get(i))).setAutoWidth(true);
        }
        grid.setEmptyStateText(grid.getTranslation(emptyKey));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
