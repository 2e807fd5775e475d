package cn.gov.ybj.crossprov.reference.ui;

import cn.gov.ybj.crossprov.reference.Divisions;
import com.vaadin.flow.component.combobox.ComboBox;

import java.util.List;

/**
 * Province, then city, as the public query pages filter by division; a province-level-only
 * destination (北京, 海南 …) has no city to choose.
 */
final class DivisionPicker {

    final ComboBox<Divisions.Division> province = new ComboBox<>();
    final ComboBox<Divisions.Division> city = new ComboBox<>();

    DivisionPicker(Divisions divisions, String provinceLabel, String cityLabel) {
        province.setId("filter-province");
        province.setLabel(provinceLabel);
        province.setItems(divisions.provinces());
        province.setItemLabelGenerator(Divisions.Division::fullName);
        province.setClearButtonVisible(true);
        city.setId("filter-city");
        city.setLabel(cityLabel);
        city.setItemLabelGenerator(Divisions.Division::fullName);
        city.setClearButtonVisible(true);
        city.setEnabled(false);
        province.addValueChangeListener(e -> {
            city.clear();
            boolean hasCities = e.getValue() != null && !e.getValue().provinceLevelOnly();
            city.setEnabled(hasCities);
            city.setItems(hasCities ? divisions.children(e.getValue().code()) : List.of());
        });
    }

    /** The city's code, else the province's, else null (all). */
    String selectedCode() {
        return city.getValue() != null ? city.getValue().code()
                : province.getValue() != null ? province.getValue().code() : null;
    }
}
