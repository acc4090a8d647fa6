package org.xieshang.liaison;

import org.xieshang.support.PostgresTest;

/** The liaison API tests on a real PostgreSQL. */
@PostgresTest
class LiaisonApiPostgresTest extends LiaisonApiTest {
}
