package org.xieshang.identity.internal;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Web sessions are kept in the database (Spring Session JDBC) so that any node serves any user.
 * They get plain JDBC transactions of their own: the JPA transaction manager would open a
 * Hibernate session, whose tenant comes from the security context, which is read from the web
 * session being loaded — an endless loop.
 */
@Configuration
class SessionStoreConfig {

    /** Found by its name by Spring Session's configuration. */
    @Bean
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * The application's own template on the JPA transaction manager; declared here because any
     * TransactionOperations bean (the one above) makes Boot's auto-configured one back off.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
