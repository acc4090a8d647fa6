package org.xieshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.PageClient;
import org.xieshang.support.PageClient.Page;
import org.xieshang.support.TestSupport;

/** The e-mail address on the users pages: labelled, validated with a form error, kept and removed. */
class UserMailPagesTest extends ApiTestBase {

    @Test
    void theUserFormTakesAnEmailAddress() {
        PageClient office = new PageClient(port).signIn("admin", TestSupport.ADMIN_PASSWORD);
        assertThat(office.get("/users/new").body()).contains("<label for=\"email\">电子邮箱", "id=\"email-hint\"");

        String username = "mail." + System.nanoTime() % 1_000_000;
        Page bad = office.post("/users", Map.of("username", username, "displayName", "联络员", "password", "long-enough-1",
                "roles", List.of("PROPOSAL_STAFF"), "email", "not an address"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"email-error\"", "邮箱格式不正确", "value=\"not an address\"");

        Page created = office.post("/users", Map.of("username", username, "displayName", "联络员", "password", "long-enough-1",
                "roles", List.of("PROPOSAL_STAFF"), "email", "liaison@example.org"));
        assertThat(created.status()).as("%s", created).isEqualTo(302);
        long id = admin.get("/api/v1/users?size=200").json().path("items").valueStream()
                .filter(u -> u.path("username").asString().equals(username)).findFirst().orElseThrow().path("id").asLong();
        assertThat(admin.get("/api/v1/users/" + id).get("email")).isEqualTo("liaison@example.org");
        assertThat(office.get("/users/" + id + "/edit").body()).contains("value=\"liaison@example.org\"");

        // an emptied field removes the address
        Page cleared = office.post("/users/" + id, Map.of("displayName", "联络员", "roles", List.of("PROPOSAL_STAFF"),
                "enabled", "true", "email", ""));
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(302);
        assertThat(admin.get("/api/v1/users/" + id).json().path("email").isNull()).isTrue();
    }
}
