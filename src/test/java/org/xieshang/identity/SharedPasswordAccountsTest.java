package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.identity.UserAccounts.NewUser;
import org.xieshang.identity.UserAccounts.UserView;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.TestSupport;

/**
 * The demo committee's accounts share its published password, hashed once for all of them
 * ({@link UserAccounts#createSharingPassword}); only the system may make accounts that way.
 */
class SharedPasswordAccountsTest extends ApiTestBase {

    private static final String SHARED = "shared-pass-2071";

    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    private long committee() {
        return jdbc.queryForObject("select id from committee where name = '测试区政协'", Long.class);
    }

    @Test
    void theSystemsAccountsShareOneHashAndEachSignsInWithThePassword() {
        String first = TestSupport.unique("shared");
        String second = TestSupport.unique("shared");
        List<UserView> made = SystemActor.callAs(committee(), () -> accounts.createSharingPassword(List.of(
                new NewUser(first, SHARED, "第一位", EnumSet.of(Role.PROPOSAL_STAFF), null, null),
                new NewUser(second, SHARED, "第二位", EnumSet.of(Role.LEADER_GOV), null, null))));

        assertThat(made).extracting(UserView::username).containsExactly(first, second);
        assertThat(made).extracting(UserView::roles).containsExactly(EnumSet.of(Role.PROPOSAL_STAFF),
                EnumSet.of(Role.LEADER_GOV));
        List<String> hashes = jdbc.queryForList("select password_hash from user_account where username in (?, ?)",
                String.class, first, second);
        assertThat(hashes).hasSize(2).doesNotContain(SHARED);
        assertThat(hashes.get(0)).startsWith("{bcrypt}").isEqualTo(hashes.get(1));
        assertThat(api.login(first, SHARED).get("/api/v1/me").get("username")).isEqualTo(first);
        assertThat(api.login(second, SHARED).get("/api/v1/me").get("username")).isEqualTo(second);
    }

    @Test
    void anAdministratorCannotAndDifferentPasswordsAreRefusedWithNothingMade() {
        long committee = committee();
        String name = TestSupport.unique("shared");
        CurrentUser administrator = new CurrentUser(1L, "admin", "管理员", committee, EnumSet.of(Role.ADMIN), null, null);
        assertThatThrownBy(() -> SystemActor.runAs(administrator, () -> accounts.createSharingPassword(List.of(
                new NewUser(name, SHARED, "管理员建的", EnumSet.of(Role.PROPOSAL_STAFF), null, null)))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SystemActor.runAs(committee, () -> accounts.createSharingPassword(List.of(
                new NewUser(name, SHARED, "甲", EnumSet.of(Role.PROPOSAL_STAFF), null, null),
                new NewUser(name + "b", SHARED + "x", "乙", EnumSet.of(Role.PROPOSAL_STAFF), null, null)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("select count(*) from user_account where username in (?, ?)", Long.class,
                name, name + "b")).isZero();
    }
}
