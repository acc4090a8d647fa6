package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;

/**
 * Web sessions live in the database, not in one node's memory: signing in writes a session row
 * named by the username; a session removed from the table (as if another node had signed it out)
 * no longer signs anyone in; signing out removes it.
 */
class SessionStoreTest extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSignedInSessionIsARowOfTheDatabase() {
        PageClient browser = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        assertEquals(200, browser.get("/members").status());
        assertThat(sessions()).isPositive();

        // another node sees the same session: the row is all there is to it
        jdbc.update("delete from spring_session where principal_name = 'admin'");
        assertThat(sessions()).isZero();
        assertEquals(302, browser.get("/members").status(), "signed out once the row is gone");

        PageClient again = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        assertThat(sessions()).isEqualTo(1);
        again.post("/logout", java.util.Map.of());
        assertThat(sessions()).isZero();
    }

    private long sessions() {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = 'admin'", Long.class);
    }
}
