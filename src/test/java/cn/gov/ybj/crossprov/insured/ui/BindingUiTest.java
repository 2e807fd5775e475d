package cn.gov.ybj.crossprov.insured.ui;

import cn.gov.ybj.crossprov.KaribuSpringSupport;
import cn.gov.ybj.crossprov.insured.InsuranceRegistryImport;
import cn.gov.ybj.crossprov.localrun.SmsSimulator;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** 实名认证 and the counter's binding screen in a browserless Vaadin on the real services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BindingUiTest extends KaribuSpringSupport {

    // born 1940-12-30 and 1940-12-31 (seq 9xx): no demo person has these numbers
    static final String SMS_PERSON = cn.gov.ybj.crossprov.insured.DemoRegistryGenerator.withCheck("11010519401230901");
    static final String COUNTER_PERSON = cn.gov.ybj.crossprov.insured.DemoRegistryGenerator.withCheck("11010519401231903");

    @Autowired
    InsuranceRegistryImport importer;
    @Autowired
    SmsSimulator sms;
    @Autowired
    JdbcClient jdbc;

    void register(String id, String name, String mobile) throws Exception {
        String csv = InsuranceRegistryImport.HEADER + "\n" + id + "," + name + ",M,,110105,EMPLOYEE,IN_SERVICE,NORMAL,测试单位,"
                + "110105:EMPLOYEE:2000-01~," + mobile + "\n";
        assertThat(importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false).errors()).isEmpty();
    }

    private static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }

    @Test
    void anUnboundAccountIsLedToBindingFromEveryInsuredScreenAndBindsWithTheSmsCode() throws Exception {
        register(SMS_PERSON, "界面甲", "13912340001");
        unboundInsured("ui-binding-sms", SMS_PERSON);
        for (String route : new String[]{"insured", "insured/record", "insured/family", "insured/filing/new", "insured/progress"}) {
            UI.getCurrent().navigate(route);
            _get(BindingView.class);
        }
        assertThat(text("binding-status")).contains("实名认证");

        _setValue(_get(TextField.class, spec -> spec.withId("binding-name")), "界面甲");
        _setValue(_get(TextField.class, spec -> spec.withId("binding-id-number")), SMS_PERSON.toLowerCase());
        _click(_get(Button.class, spec -> spec.withId("binding-send-code")));
        assertThat(text("binding-sms-info")).contains("139****0001");
        Matcher code = Pattern.compile("验证码(\\d{6})").matcher(sms.sentTo("13912340001").get(0).text());
        assertThat(code.find()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("binding-code")), code.group(1));
        _click(_get(Button.class, spec -> spec.withId("binding-confirm")));

        UI.getCurrent().navigate("insured/record");
        _get(InsuranceRecordView.class);
        UI.getCurrent().navigate("insured/binding");
        assertThat(text("binding-status")).contains("界面甲", "110*****");
    }

    @Test
    void theCounterBindsTheAccountThatShowsItsCode() throws Exception {
        register(COUNTER_PERSON, "界面乙", "");
        unboundInsured("ui-binding-counter", COUNTER_PERSON);
        UI.getCurrent().navigate("insured/binding");
        _click(_get(Button.class, spec -> spec.withId("binding-counter-code-button")));
        String code = text("binding-counter-code").substring(0, 9);
        assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}");

        clerk("cy-counter", "110105");
        UI.getCurrent().navigate("clerk/binding");
        _setValue(_get(TextField.class, spec -> spec.withId("counter-code")), code);
        _setValue(_get(TextField.class, spec -> spec.withId("counter-name")), "界面乙");
        _setValue(_get(TextField.class, spec -> spec.withId("counter-id-number")), COUNTER_PERSON);
        _click(_get(Button.class, spec -> spec.withId("counter-bind")));
        assertThat(text("counter-binding-result")).contains("身份证件");
        _setValue(_get(Checkbox.class, spec -> spec.withId("counter-id-card-seen")), true);
        _click(_get(Button.class, spec -> spec.withId("counter-bind")));
        assertThat(text("counter-binding-result")).contains("insured:ui-binding-counter", "界面乙");

        unboundInsured("ui-binding-counter", COUNTER_PERSON);
        UI.getCurrent().navigate("insured/record");
        _get(InsuranceRecordView.class);
    }
}
