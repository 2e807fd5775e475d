package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingApplication;
import cn.gov.ybj.crossprov.filing.FilingManagement;
import cn.gov.ybj.crossprov.filing.FilingStatus;
import cn.gov.ybj.crossprov.filing.FilingType;
import cn.gov.ybj.crossprov.identity.AppUser;
import cn.gov.ybj.crossprov.insured.DemoRegistryGenerator;
import cn.gov.ybj.crossprov.insured.InsuranceType;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: in English the filing screens show the status, the history and the progress in English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilingEnglishUiTest extends KaribuSpringSupport {

    // 厦门 350200, a self-service area; born 1933: no demo person is
    static final String SHI_QING = DemoRegistryGenerator.withCheck("35020319330404814");

    @Autowired
    FilingManagement filings;
    @Autowired
    JdbcClient jdbc;

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    @Test
    void statusHistoryAndTimelineInEnglish() {
        jdbc.sql("""
                INSERT INTO app.insurance_record (id_number, name, sex, birth_date, pooling_area_code, insurance_type,
                    person_type, status, employer, demo)
                VALUES (?, '石青', 'M', DATE '1933-04-04', '350200', 'URBAN_RESIDENT', 'RESIDENT', 'NORMAL', NULL, true)
                ON CONFLICT DO NOTHING""").param(SHI_QING).update();
        AppUser user = insured("english-ui-shiqing", SHI_QING);
        Filing f = filings.submit(user, new FilingApplication(SHI_QING, "350200", "110000", InsuranceType.URBAN_RESIDENT,
                FilingType.OTHER_TEMPORARY, LocalDate.of(2038, 5, 3), LocalDate.of(2038, 5, 30), "联系人", "13900000000",
                "演示路 9 号", null, false, false, false, true, true, List.of()), UUID.randomUUID().toString());
        assertThat(f.status()).isEqualTo(FilingStatus.OPENED);
        insured("english-ui-shiqing", SHI_QING); // a fresh UI: the first one opened 我的备案 before the filing
        UI.getCurrent().setLocale(Locale.ENGLISH);

        UI.getCurrent().navigate("insured");
        _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withId("filing-tabs")).setSelectedIndex(1);
        @SuppressWarnings("unchecked")
        Grid<Filing> mine = _get(Grid.class, spec -> spec.withId("filings-national-app-self-service"));
        List<UUID> ids = mine.getGenericDataView().getItems().map(Filing::id).toList();
        assertThat(ids).as(filings.mine(user).toString()).contains(f.id());
        int row = ids.indexOf(f.id());
        // the status column holds badges (status, requests under review, reason)
        assertThat(((Component) GridKt._getCellComponent(mine, row, "status")).getElement().getTextRecursively())
                .isEqualTo("Opened");

        UI.getCurrent().navigate("insured/filing/" + f.id());
        assertThat(text("detail-status")).isEqualTo("Opened");
        @SuppressWarnings("unchecked")
        Grid<Filing.Event> history = _get(Grid.class, spec -> spec.withId("history"));
        assertThat(GridKt._getFormattedRow(history, 0)).contains("Filing application submitted", "In progress");
        assertThat(GridKt._getFormattedRow(history, 1)).contains("Approved automatically; filing opened", "Opened");
        assertThat(_get(Component.class, spec -> spec.withId("detail-fields")).getElement().getTextRecursively())
                .contains("urban resident insurance").doesNotContain("城镇居民");

        UI.getCurrent().navigate("insured/progress/" + f.processInstanceId());
        assertThat(text("progress-item")).endsWith("Opened");
        assertThat(_get(ListItem.class, spec -> spec.withId("step-0")).getElement().getTextRecursively())
                .startsWith("Application submitted");
        assertThat(_get(ListItem.class, spec -> spec.withId("step-1")).getElement().getTextRecursively()).startsWith("Filed");
    }
}
