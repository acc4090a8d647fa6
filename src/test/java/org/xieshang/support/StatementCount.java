package org.xieshang.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares, whoever prepares them: Hibernate, a
 * {@code JdbcTemplate} or a driver call (Hibernate's own statistics miss plain JDBC). Counts are
 * process-wide: a test takes the difference around a request (see CaseDetailStatementsTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCount {

    private static final LongAdder PREPARED = new LongAdder();

    /** Statements prepared (or created) so far through the application's data sources. */
    public static long sofar() {
        return PREPARED.sum();
    }

    @Bean
    static BeanPostProcessor countingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
            }
        };
    }

    /** The data source with every connection counting its statements; closes the pool it wraps. */
    static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable c) {
                c.close();
            }
        }

        private static Connection counting(Connection c) {
            return (Connection) Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String m = method.getName();
                        if (m.equals("prepareStatement") || m.equals("prepareCall") || m.equals("createStatement")) {
                            PREPARED.increment();
                        } else if (m.equals("equals")) {
                            return proxy == args[0];
                        } else if (m.equals("hashCode")) {
                            return System.identityHashCode(proxy);
                        } else if (m.equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                            return proxy;
                        } else if (m.equals("isWrapperFor") && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                            return true;
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
