package cn.gov.ybj.crossprov.workflow.internal;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNamesIdentityPluginTest {

    /** Cockpit's header shows firstName + " " + lastName: a missing last name must not read "null". */
    @Test
    void aStaffUserWithoutALastNameReachesTheWebappsWithAnEmptyOne() {
        UserEntity admin = new UserEntity("process-admin");
        admin.setFirstName("流程管理员");
        UserEntity split = new UserEntity("someone");
        split.setFirstName("伟");
        split.setLastName("张");
        List<User> users = ChineseNamesIdentityPlugin.withEmptyMissingNames(List.of(admin, split));
        assertThat(users).extracting(u -> u.getFirstName() + " " + u.getLastName())
                .containsExactly("流程管理员 ", "伟 张");
    }
}
