package org.xieshang.shared.tenancy;

import org.xieshang.support.PostgresTest;

@PostgresTest
class TenantIsolationPostgresTest extends TenantIsolationTest {
}
