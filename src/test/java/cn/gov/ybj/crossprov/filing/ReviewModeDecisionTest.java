package cn.gov.ybj.crossprov.filing;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The table in {@code bpmn/filing-review-mode.dmn}, rule by rule. */
class ReviewModeDecisionTest {

    static DmnEngine dmn;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        // as the application configures its engine (dmnFeelEnableLegacyBehavior)
        dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .enableFeelLegacyBehavior(true).buildEngine();
        try (InputStream in = ReviewModeDecisionTest.class.getResourceAsStream("/bpmn/filing-review-mode.dmn")) {
            decision = dmn.parseDecision("filing-review-mode", in);
        }
    }

    @ParameterizedTest(name = "{5} {0} {1} materials={2} commitment={3} -> {4}")
    @CsvSource({
            // 003 第八条: a counter filing is confirmed on the spot, whatever the area's mode
            "QUICK,        RETIRED_RESETTLED,  true,  false, AUTO,   LOCAL",
            "QUICK,        OTHER_TEMPORARY,    false, false, AUTO,   LOCAL",
            "SELF_SERVICE, REFERRAL,           false, false, AUTO,   LOCAL",
            "QUICK,        RETIRED_RESETTLED,  true,  false, MANUAL, NATIONAL_APP_QUICK",
            "QUICK,        OTHER_TEMPORARY,    false, false, MANUAL, NATIONAL_APP_QUICK",
            "QUICK,        LONG_TERM_RESIDENT, false, true,  MANUAL, NATIONAL_APP_QUICK",
            "SELF_SERVICE, OTHER_TEMPORARY,    false, false, AUTO, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, RETIRED_RESETTLED,  true,  false, AUTO, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, REFERRAL,           true,  false, AUTO, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, STATIONED_WORKER,   false, true,  AUTO, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, LONG_TERM_RESIDENT, false, true,  AUTO, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, REFERRAL,           false, true,  MANUAL, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, REFERRAL,           false, false, MANUAL, NATIONAL_APP_SELF_SERVICE",
            "SELF_SERVICE, RETIRED_RESETTLED,  false, false, MANUAL, NATIONAL_APP_SELF_SERVICE",
    })
    void decidesTheReviewMode(String areaMode, String type, boolean materials, boolean commitment, String expected, String channel) {
        Map<String, Object> inputs = Map.of("channel", channel, "areaFilingMode", areaMode, "filingType", type,
                "materialsGiven", materials, "commitmentGiven", commitment);
        String mode = dmn.evaluateDecisionTable(decision, inputs).getSingleResult().getSingleEntry();
        assertThat(mode).isEqualTo(expected);
    }
}
