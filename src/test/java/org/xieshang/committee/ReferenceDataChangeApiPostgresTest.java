package org.xieshang.committee;

import org.xieshang.support.PostgresTest;

/**
 * Reference data changes on PostgreSQL: a refused delete comes from the database's foreign keys
 * (V90), and PostgreSQL reports them differently from H2, so both run the same tests.
 */
@PostgresTest
class ReferenceDataChangeApiPostgresTest extends ReferenceDataChangeApiTest {
}
