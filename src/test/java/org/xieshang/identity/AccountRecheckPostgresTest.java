package org.xieshang.identity;

import org.xieshang.support.PostgresTest;

@PostgresTest
class AccountRecheckPostgresTest extends AccountRecheckTest {
}
