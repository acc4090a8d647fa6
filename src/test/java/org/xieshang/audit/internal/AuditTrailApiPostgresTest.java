package org.xieshang.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.xieshang.support.PostgresTest;

@PostgresTest
class AuditTrailApiPostgresTest extends AuditTrailApiTest {

    /** On PostgreSQL the table itself refuses changes and deletions: tampering needs the trigger lifted first. */
    @Test
    void theTrailIsAppendOnlyInTheDatabase() {
        assertThat(isPostgres()).isTrue();
        long seq = jdbc.queryForObject("select max(seq) from audit_entry where chain_id = 0 or chain_id > 0", Long.class);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'x' where seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'x'", Long.class)).isZero();
    }
}
