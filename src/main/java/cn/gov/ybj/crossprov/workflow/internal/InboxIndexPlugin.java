package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Two indexes on the engine's tables, for the clerk inbox. Created after the engine has created
 * or updated its schema; engine upgrades leave extra indexes alone.
 * <ul>
 * <li>{@code crossprov_candidate_group_task}: candidate links by group with their task ids, so
 * {@code ClerkInbox} finds an area's tasks and counts them from the index alone (Camunda's own
 * {@code ACT_IDX_IDENT_LNK_GROUP} has the group only, and every link is then read from the table;
 * measured with 100,000 open tasks, see docs/benchmarks.md).</li>
 * <li>{@code crossprov_task_inbox_order}: the inbox's order, escalated (higher priority) first,
 * then due date, creation, id. With a few hundred open tasks per area PostgreSQL still starts
 * from the area's links and sorts them (a top-N sort of a few hundred rows); when one area holds
 * a large share of the open tasks, or a filter leaves many, it can instead walk this index in
 * order and stop after the page, rather than sort thousands of rows.</li>
 * </ul>
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
            s.execute("CREATE INDEX IF NOT EXISTS crossprov_task_inbox_order ON act_ru_task (priority_ DESC, due_date_, create_time_, id_)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the inbox indexes on act_ru_identitylink and act_ru_task", e);
        }
    }
}
