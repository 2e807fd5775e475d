package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Jobs a node had locked when it died are free again as soon as that node is back, not after Camunda's lock time
 * (5 minutes): with {@code app.node-id} set, the node's job executor locks jobs under that stable name instead of a
 * random one per start, and a start first releases the locks still held under it — by its own earlier life, which
 * runs nothing any more. Without {@code app.node-id} (tests, where several contexts may share one database) nothing
 * changes. Each node of a cluster needs its own id (docs/operations.md); a node that stays down leaves its locks to
 * expire after the lock time.
 */
@Component
class JobLockRecovery extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);

    private final String nodeId;

    JobLockRecovery(@Value("${app.node-id:}") String nodeId) {
        this.nodeId = nodeId.strip();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (nodeId.isEmpty()) {
            return;
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (configuration.getJobExecutor() == null) {
            return;
        }
        // before the job executor starts (the starter starts it when the application is ready)
        configuration.getJobExecutor().setLockOwner(nodeId);
        int released = release(configuration.getDataSource(), nodeId);
        if (released > 0) {
            log.warn("Released {} job lock(s) node '{}' still held from before it stopped uncleanly; they run now", released, nodeId);
        }
    }

    /** Frees every job locked under the owner; answers how many. */
    static int release(DataSource dataSource, String owner) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE act_ru_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE lock_owner_ = ?")) {
            s.setString(1, owner);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the job locks of node " + owner, e);
        }
    }
}
