package org.xieshang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a test class on a real embedded PostgreSQL instead of H2: put it on a subclass of an
 * H2 test to run the same tests on both databases. The context (and its PostgreSQL, a bean closed
 * with the context) is cached and shared like the H2 ones: every PostgreSQL test class of the same
 * configuration runs in one, each in its own years and names as on H2, instead of starting a
 * database and an application per class. The cache closes them when the test JVM ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles("postgres")
public @interface PostgresTest {
}
