package org.xieshang.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of API tests: the whole application on a random port, H2 in memory unless a suite
 * imports {@link EmbeddedPostgresConfig}. The first committee and its admin exist from the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-test-${random.uuid}",
        "xieshang.admin-password=" + TestSupport.ADMIN_PASSWORD,
        // the server's zone, as the tests' own LocalDate.now() (production defaults to Asia/Shanghai)
        "xieshang.zone=",
        "xieshang.committee-name=测试区政协",
        "xieshang.demo=false",
        // tests create users with admin-set passwords and use them at once (PasswordChangeTest turns it on)
        "xieshang.password.change-after-admin-set=false",
        "xieshang.login.max-failures-per-address=100000",
        "db-scheduler.polling-interval=1s",
        "logging.level.xieshang.request=warn"
})
@Import(StatementCount.class)
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected Api admin;

    @BeforeEach
    protected void connect() {
        api = new Api(port);
        admin = api.login("admin", TestSupport.ADMIN_PASSWORD);
    }
}
