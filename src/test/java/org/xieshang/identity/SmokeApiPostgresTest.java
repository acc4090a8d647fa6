package org.xieshang.identity;

import org.xieshang.support.PostgresTest;

@PostgresTest
class SmokeApiPostgresTest extends SmokeApiTest {
}
