package cn.gov.ybj.crossprov.workflow.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19: a node that starts again frees the jobs it had locked before it died, and no other node's. */
@SpringBootTest
@ActiveProfiles("test")
class JobLockRecoveryTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aRestartedNodeReleasesItsOwnLocksOnly() throws Exception {
        List<String> jobs = jdbc.sql("SELECT id_ FROM act_ru_job ORDER BY id_ LIMIT 2").query(String.class).list();
        assertThat(jobs).as("the deployed timers' jobs").hasSize(2);
        try {
            lock(jobs.get(0), "node-a");
            lock(jobs.get(1), "node-b");

            assertThat(release("node-a")).isEqualTo(1);

            assertThat(owner(jobs.get(0))).isNull();
            assertThat(jdbc.sql("SELECT lock_exp_time_ FROM act_ru_job WHERE id_ = :id").param("id", jobs.get(0))
                    .query(java.sql.Timestamp.class).optional()).isEmpty();
            assertThat(owner(jobs.get(1))).as("another node's lock stays until it expires").isEqualTo("node-b");
        } finally {
            jdbc.sql("UPDATE act_ru_job SET lock_owner_ = NULL, lock_exp_time_ = NULL WHERE id_ IN (:ids)").param("ids", jobs).update();
        }
    }

    private void lock(String job, String owner) {
        jdbc.sql("UPDATE act_ru_job SET lock_owner_ = :o, lock_exp_time_ = now() + interval '5 minutes' WHERE id_ = :id")
                .param("o", owner).param("id", job).update();
    }

    private String owner(String job) {
        return jdbc.sql("SELECT lock_owner_ FROM act_ru_job WHERE id_ = :id").param("id", job).query(String.class).optional().orElse(null);
    }

    private int release(String owner) {
        return JobLockRecovery.release(dataSource, owner);
    }
}
