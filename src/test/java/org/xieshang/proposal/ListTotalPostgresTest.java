package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

/** The lists' exact total on PostgreSQL: the read model's sums (numeric there) and the new index. */
@PostgresTest
class ListTotalPostgresTest extends ListTotalApiTest {
}
