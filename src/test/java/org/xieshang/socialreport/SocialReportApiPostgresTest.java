package org.xieshang.socialreport;

import org.xieshang.support.PostgresTest;

/** The social-report API tests on a real PostgreSQL. */
@PostgresTest
class SocialReportApiPostgresTest extends SocialReportApiTest {
}
