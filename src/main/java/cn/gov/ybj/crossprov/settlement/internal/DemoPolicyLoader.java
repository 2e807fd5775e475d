package cn.gov.ybj.crossprov.settlement.internal;

import cn.gov.ybj.crossprov.reference.ReferenceDatasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;

/**
 * {@code app.demo-data.enabled} (the local run, the tests): writes the DEMO policies of
 * {@link PolicyFile#DEMO_RESOURCE} into {@code app.settlement_policy_version}, again only when
 * the file changed (sha256, {@link ReferenceDatasets}). Never in production. Each version is
 * audited as {@code DEMO_LOAD} by {@value #ACCOUNT}; a version that is unchanged, or that a
 * process admin has saved since, is left as it is, so edits on the screen survive restarts.
 */
@Component
@ConditionalOnProperty(name = "app.demo-data.enabled", havingValue = "true")
@Order(30) // after the demo pooling areas (2) and the demo registry (20)
class DemoPolicyLoader implements ApplicationRunner {

    static final String DATASET = "settlement-policies-demo";
    static final String ACCOUNT = "system:demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoPolicyLoader.class);

    private final JpaSettlementPolicies policies;
    private final ReferenceDatasets datasets;

    DemoPolicyLoader(JpaSettlementPolicies policies, ReferenceDatasets datasets) {
        this.policies = policies;
        this.datasets = datasets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        datasets.loadIfChanged(DATASET, PolicyFile.DEMO_RESOURCE, file -> {
            long written = PolicyFile.demo().all().stream().filter(v -> policies.writeDemo(ACCOUNT, v)).count();
            log.info("Loaded the DEMO settlement policies: {} versions written", written);
        });
    }
}
