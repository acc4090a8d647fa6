package org.xieshang.member;

import org.xieshang.support.PostgresTest;

/** The member API on PostgreSQL: its search (LIKE with escapes, null filters) is vendor-sensitive. */
@PostgresTest
class MemberApiPostgresTest extends MemberApiTest {
}
