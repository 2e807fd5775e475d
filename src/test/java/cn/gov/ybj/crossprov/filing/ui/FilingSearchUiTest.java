package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.identity.Realm;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** 备案查询 → 查看详情 → 窗口信息变更 in a browserless Vaadin on the real services and the embedded PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingSearchUiTest extends KaribuSpringSupport {

    static final String XU = "110105194511188692"; // 徐洋, 北京朝阳 110105, resident, at the counter

    @Autowired
    FilingManagement filings;

    @Test
    @SuppressWarnings("unchecked")
    void aCounterClerkFindsAFilingOpensItAndChangesItOnTheSpot() {
        AppUser counter = new AppUser(Realm.CLERKS, "cy-counter", "cy-counter", Set.of("CLERK", "COUNTER"),
                List.of("area-110105"), "110105");
        Filing f = filings.submit(counter, new FilingApplication(XU, "110105", "420100", InsuranceType.RESIDENT,
                FilingType.OTHER_TEMPORARY, LocalDate.of(2030, 7, 1), LocalDate.of(2030, 8, 31), "徐洋", "13800138000",
                "武汉市示例路 1 号", null, false, false, false, true, true, List.of()), "search-ui-1");

        // another area's clerk finds nothing by the number
        clerk("xm-counter", "350200");
        UI.getCurrent().navigate("clerk/filings");
        _setValue(_get(TextField.class, spec -> spec.withId("search-id-number")), XU);
        _click(_get(Button.class, spec -> spec.withId("search-submit")));
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("search-results")))).isZero();

        clerk("cy-counter", "110105");
        UI.getCurrent().navigate("clerk/filings");
        // a wrong check digit is refused at the field, in Chinese
        _setValue(_get(TextField.class, spec -> spec.withId("search-id-number")), "110105194511188693");
        _click(_get(Button.class, spec -> spec.withId("search-submit")));
        assertThat(_get(TextField.class, spec -> spec.withId("search-id-number")).isInvalid()).isTrue();
        assertThat(text("search-error")).contains("校验位");

        _setValue(_get(TextField.class, spec -> spec.withId("search-id-number")), XU.toLowerCase());
        _click(_get(Button.class, spec -> spec.withId("search-submit")));
        assertThat(present("search-error") && _get(Component.class, spec -> spec.withId("search-error")).isVisible()).isFalse();
        Grid<Filing> grid = _get(Grid.class, spec -> spec.withId("search-results"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("徐洋", "备案成功 · 地方平台");
        assertThat(String.join(" ", GridKt._getFormattedRow(grid, 0))).doesNotContain(XU);

        _click((Button) GridKt._getCellComponent(grid, 0, "open"));
        assertThat(text("detail-serial")).isEqualTo(f.applicationSerial());
        _click(_get(Button.class, spec -> spec.withId("counter-change")));
        // no 告知书 at the counter: the form comes first, and the change applies at once
        assertThat(_get(Component.class, spec -> spec.withId("change-step-form")).isVisible()).isTrue();
        FilingChangeView view = _get(FilingChangeView.class);
        _setValue(view.form.<String>field("contactPhone"), "13700137000");
        _click(_get(Button.class, spec -> spec.withId("change-submit")));
        assertThat(text("change-result-title")).isEqualTo("信息变更成功");
        assertThat(text("change-result-phone")).isEqualTo("13700137000");
        _click(_get(Button.class, spec -> spec.withId("change-details")));
        assertThat(text("detail-serial")).isEqualTo(f.applicationSerial());
    }

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    private static boolean present(String id) {
        return !_find(Component.class, spec -> spec.withId(id)).isEmpty();
    }
}
