package org.xieshang.activity;

import org.xieshang.support.PostgresTest;

/** The activities API tests on a real PostgreSQL. */
@PostgresTest
class ActivityApiPostgresTest extends ActivityApiTest {
}
