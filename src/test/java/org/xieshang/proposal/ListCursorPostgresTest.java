package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

/** The lists' plain SQL (scope alternatives, filters, cursor and deep pages) on PostgreSQL. */
@PostgresTest
class ListCursorPostgresTest extends ListCursorApiTest {
}
