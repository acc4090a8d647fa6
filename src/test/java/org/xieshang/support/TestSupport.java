package org.xieshang.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Shared facts of the test suite: the first committee's admin, and unique names. */
public final class TestSupport {

    public static final String ADMIN_PASSWORD = "admin-test-pass";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestSupport() {
    }

    /** A user account made for a test: its id and its username. */
    public record Account(long id, String username) {
    }

    /** A new account with these roles and password, its username unique, made by the committee's admin. */
    public static Account account(Api admin, java.util.Collection<String> roles, Long memberId, Long unitId,
                                  String password) {
        String username = unique("u").replace("-", ".");
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("displayName", username);
        body.put("roles", roles);
        body.put("memberId", memberId);
        body.put("unitId", unitId);
        Api.Res res = admin.post("/api/v1/users", body);
        if (res.status() != 201) {
            throw new AssertionError("account not created: " + res);
        }
        return new Account(res.id(), username);
    }

    /** A name no other test uses, e.g. {@code 测试界别-17}. */
    public static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }
}
