package org.xieshang.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Shared facts of the test suite: the first committee's admin, and unique names. */
public final class TestSupport {

    public static final String ADMIN_PASSWORD = "admin-test-pass";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestSupport() {
    }

    /** A name no other test uses, e.g. {@code 测试界别-17}. */
    public static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
    }
}
