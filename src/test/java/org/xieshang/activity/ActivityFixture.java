package org.xieshang.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/** Members with accounts and activities, made through the API. */
final class ActivityFixture {

    record Person(long memberId, String username, Api api) {
    }

    private final Api admin;

    ActivityFixture(Api admin) {
        this.admin = admin;
    }

    long sector() {
        return Fixtures.sector(admin);
    }

    /** A member (of this sector, with these member roles) with a MEMBER account, signed in. */
    Person member(long sectorId, String... memberRoles) {
        Map<String, Object> body = new HashMap<>(Map.of("name", TestSupport.unique("委员"), "gender", "MALE", "sectorId", sectorId));
        if (memberRoles.length > 0) {
            body.put("roles", List.of(memberRoles));
        }
        long memberId = Fixtures.created(admin.post("/api/v1/members", body));
        String username = TestSupport.unique("m");
        Res user = admin.post("/api/v1/users", Map.of("username", username, "password", Fixtures.USER_PASSWORD,
                "displayName", "委员" + memberId, "roles", List.of("MEMBER"), "memberId", memberId));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return new Person(memberId, username, admin.login(username, Fixtures.USER_PASSWORD));
    }

    static Map<String, Object> body(String type, Instant startsAt, Instant endsAt, List<Long> memberIds) {
        Map<String, Object> b = new HashMap<>();
        b.put("type", type);
        b.put("title", TestSupport.unique("活动"));
        b.put("startsAt", startsAt.toString());
        b.put("endsAt", endsAt.toString());
        b.put("location", "区政协会议室");
        b.put("invitedMemberIds", new ArrayList<>(memberIds));
        return b;
    }

    long activity(Instant startsAt, Instant endsAt, Person... invited) {
        List<Long> ids = new ArrayList<>();
        for (Person p : invited) {
            ids.add(p.memberId());
        }
        return Fixtures.created(admin.post("/api/v1/activities", body("INSPECTION", startsAt, endsAt, ids)));
    }

    String status(long activityId, long memberId) {
        Res res = admin.get("/api/v1/activities/" + activityId + "/attendance");
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        for (var item : res.json().path("items")) {
            if (item.path("memberId").asLong() == memberId) {
                return item.path("status").asString();
            }
        }
        throw new AssertionError("member " + memberId + " not invited: " + res);
    }
}
