package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One index on the engine's table, for the clerk inbox: candidate links by group with their
 * task ids, so {@code ClerkInbox} finds an area's tasks and counts them from the index alone
 * (Camunda's own {@code ACT_IDX_IDENT_LNK_GROUP} has the group only, and every link is then
 * read from the table; measured with 100,000 open tasks, see README). Created after the engine
 * has created or updated its schema; engine upgrades leave extra indexes alone.
 */
@Component
class InboxIndexPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        try (Connection c = configuration.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX IF NOT EXISTS crossprov_candidate_group_task ON act_ru_identitylink (group_id_, type_, task_id_)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the inbox index on act_ru_identitylink", e);
        }
    }
}
