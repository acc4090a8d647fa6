package org.xieshang.assessment;

import org.xieshang.support.PostgresTest;

/** The assessment API on PostgreSQL: the duty record's keys, the run's batch insert and its kept JSON. */
@PostgresTest
class AssessmentApiPostgresTest extends AssessmentApiTest {
}
