package cn.gov.ybj.crossprov.workflow.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19: a node that stays down loses its job locks once its heartbeat is stale; a live node keeps them. */
@SpringBootTest
@ActiveProfiles("test")
class NodeHeartbeatTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void locksOfASilentNodeAreReleasedAndThoseOfALiveNodeStay() {
        List<String> jobs = jdbc.sql("SELECT id_ FROM act_ru_job ORDER BY id_ LIMIT 2").query(String.class).list();
        assertThat(jobs).as("the deployed timers' jobs").hasSize(2);
        try {
            jdbc.sql("INSERT INTO app.node_heartbeat VALUES ('node-dead', now() - interval '45 seconds', now() - interval '1 hour')").update();
            NodeHeartbeat.beat(jdbc, "node-live", true);
            NodeHeartbeat.beat(jdbc, "node-self", true);
            lock(jobs.get(0), "node-dead");
            lock(jobs.get(1), "node-live");

            List<NodeHeartbeat.Released> released = NodeHeartbeat.releaseSilentNodes(jdbc, "node-self", Duration.ofSeconds(30));

            assertThat(released).extracting(NodeHeartbeat.Released::node, NodeHeartbeat.Released::locks)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("node-dead", 1));
            assertThat(owner(jobs.get(0))).isNull();
            assertThat(owner(jobs.get(1))).as("a node that beats keeps its locks").isEqualTo("node-live");
            assertThat(nodes()).containsExactlyInAnyOrder("node-live", "node-self");

            // a second pass finds nothing more; the dead node's beat, once it is back, makes it a member again
            assertThat(NodeHeartbeat.releaseSilentNodes(jdbc, "node-self", Duration.ofSeconds(30))).isEmpty();
            NodeHeartbeat.beat(jdbc, "node-dead", true);
            assertThat(nodes()).contains("node-dead");

            // a node never judges itself: its own stale beat (a long pause) leaves its locks alone
            jdbc.sql("UPDATE app.node_heartbeat SET beat_at = now() - interval '1 minute' WHERE node_id = 'node-self'").update();
            lock(jobs.get(0), "node-self");
            assertThat(NodeHeartbeat.releaseSilentNodes(jdbc, "node-self", Duration.ofSeconds(30))).extracting(NodeHeartbeat.Released::node)
                    .doesNotContain("node-self");
            assertThat(owner(jobs.get(0))).isEqualTo("node-self");
        } finally {
            jdbc.sql("UPDATE act_ru_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE id_ IN (:ids)").param("ids", jobs).update();
            jdbc.sql("DELETE FROM app.node_heartbeat WHERE node_id LIKE 'node-%'").update();
        }
    }

    private List<String> nodes() {
        return jdbc.sql("SELECT node_id FROM app.node_heartbeat").query(String.class).list();
    }

    private void lock(String job, String owner) {
        jdbc.sql("UPDATE act_ru_job SET lock_owner_ = :o, lock_exp_time_ = now() + interval '5 minutes' WHERE id_ = :id")
                .param("o", owner).param("id", job).update();
    }

    private String owner(String job) {
        return jdbc.sql("SELECT lock_owner_ FROM act_ru_job WHERE id_ = :id").param("id", job).query(String.class).optional().orElse(null);
    }
}
