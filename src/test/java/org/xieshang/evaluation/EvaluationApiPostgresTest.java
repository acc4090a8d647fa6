package org.xieshang.evaluation;

import org.xieshang.support.PostgresTest;

/** The evaluation and township assessment API tests on a real PostgreSQL. */
@PostgresTest
class EvaluationApiPostgresTest extends EvaluationApiTest {
}
