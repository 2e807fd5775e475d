package cn.gov.ybj.crossprov.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.identity.Realm;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: Vaadin's own texts of Upload and DatePicker follow the UI's language (they come in English only). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComponentLanguageTest extends KaribuSpringSupport {

    @Test
    void uploadAndDatePickerSpeakChineseInChineseModeAndEnglishInEnglishMode() {
        login(Realm.CLERKS, "cy-counter", null, List.of("area-110105"), List.of("counter"));
        UI.getCurrent().navigate("clerk/counter-filing");
        List<Upload> uploads = all(Upload.class);
        List<DatePicker> pickers = all(DatePicker.class);
        assertThat(uploads).isNotEmpty();
        assertThat(pickers).isNotEmpty();
        assertThat(uploads).allSatisfy(u -> {
            assertThat(u.getI18n().getAddFiles().getMany()).isEqualTo("选择文件…");
            assertThat(u.getI18n().getDropFiles().getMany()).isEqualTo("将文件拖到此处");
            assertThat(u.getI18n().getFile().getRemove()).isEqualTo("移除");
        });
        assertThat(pickers).allSatisfy(d -> {
            assertThat(d.getI18n().getMonthNames()).hasSize(12).startsWith("一月").endsWith("十二月");
            assertThat(d.getI18n().getWeekdaysShort()).containsExactly("日", "一", "二", "三", "四", "五", "六");
            assertThat(d.getI18n().getFirstDayOfWeek()).isEqualTo(1);
            assertThat(d.getI18n().getToday()).isEqualTo("今天");
        });

        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        UI.getCurrent().navigate("clerk/counter-filing");
        assertThat(all(Upload.class)).isNotEmpty().allSatisfy(u -> assertThat(u.getI18n().getAddFiles().getMany()).isEqualTo("Upload files..."));
        assertThat(all(DatePicker.class)).isNotEmpty().allSatisfy(d -> {
            assertThat(d.getI18n().getMonthNames()).startsWith("January");
            assertThat(d.getI18n().getToday()).isEqualTo("Today");
        });
    }

    /** Every component of the type on the screen, the steps not shown yet included. */
    private static <T> List<T> all(Class<T> type) {
        List<T> found = new java.util.ArrayList<>();
        collect(UI.getCurrent(), type, found);
        return found;
    }

    private static <T> void collect(com.vaadin.flow.component.Component c, Class<T> type, List<T> found) {
        if (type.isInstance(c)) {
            found.add(type.cast(c));
        }
        c.getChildren().forEach(child -> collect(child, type, found));
    }
}
