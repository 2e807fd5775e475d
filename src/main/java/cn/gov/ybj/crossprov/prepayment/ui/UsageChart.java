package cn.gov.ybj.crossprov.prepayment.ui;

import cn.gov.ybj.crossprov.prepayment.PrepaymentPair;
import cn.gov.ybj.crossprov.prepayment.UsageRule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A pair's usage month by month as columns against the yellow and red bands (dashed lines), 0–120 %: a
 * column's height is the month's clearing amount ÷ the prepayment then, its colour the month's band.
 */
class UsageChart extends Div {

    private static final BigDecimal SCALE = BigDecimal.valueOf(120);

    UsageChart(List<PrepaymentPair.MonthUsage> months, UsageRule rule) {
        setId("prepayment-usage-chart");
        getStyle().set("position", "relative").set("height", "14em").set("display", "flex").set("align-items", "flex-end")
                .set("gap", "0.4em").set("padding", "0 0.5em").set("border-bottom", "1px solid var(--lumo-contrast-50pct)")
                .set("min-width", "24em");
        line(rule.yellowPercent(), "#c90");
        line(rule.redPercent(), "#c00");
        for (PrepaymentPair.MonthUsage m : months) {
            BigDecimal percent = m.getUsage() == null ? BigDecimal.ZERO : m.getUsage().multiply(BigDecimal.valueOf(100));
            Div column = new Div();
            column.getStyle().set("flex", "1").set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                    .set("justify-content", "flex-end").set("height", "100%");
            Span value = new Span(percent.setScale(1, RoundingMode.HALF_UP) + "%");
            value.getStyle().set("font-size", "var(--lumo-font-size-xs)");
            Div bar = new Div();
            bar.getElement().setAttribute("title", getTranslation("prepayment.chart.bar", m.getMonth().toString(),
                    percent.setScale(2, RoundingMode.HALF_UP).toPlainString()));
            bar.getStyle().set("width", "100%").set("height", height(percent) + "%").set("background", switch (m.getWarning()) {
                case RED -> "#d32f2f";
                case YELLOW -> "#f9a825";
                case NONE -> "#2e7d32";
            });
            Span label = new Span(getTranslation("prepayment.chart.month", String.valueOf(m.getMonth().getMonthValue()),
                    m.getMonth().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)));
            label.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("position", "absolute").set("bottom", "-1.5em");
            Div labelBox = new Div(label);
            labelBox.getStyle().set("position", "relative").set("width", "100%").set("text-align", "center");
            column.add(value, bar, labelBox);
            add(column);
        }
    }

    private void line(BigDecimal percent, String colour) {
        Div line = new Div();
        line.getStyle().set("position", "absolute").set("left", "0").set("right", "0").set("bottom", height(percent) + "%")
                .set("border-top", "1px dashed " + colour);
        Span label = new Span(percent.stripTrailingZeros().toPlainString() + "%");
        label.getStyle().set("position", "absolute").set("right", "0").set("top", "-1.2em").set("font-size", "var(--lumo-font-size-xxs)")
                .set("color", colour);
        line.add(label);
        add(line);
    }

    private static String height(BigDecimal percent) {
        return percent.multiply(BigDecimal.valueOf(100)).divide(SCALE, 1, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100)).toPlainString();
    }
}
