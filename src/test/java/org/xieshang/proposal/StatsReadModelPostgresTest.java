package org.xieshang.proposal;

import org.xieshang.support.PostgresTest;

/** The statistics read model on PostgreSQL: row locks, the savepoint around a first insert, the rebuild's SQL. */
@PostgresTest
class StatsReadModelPostgresTest extends StatsReadModelTest {
}
