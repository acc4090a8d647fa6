package org.xieshang.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.repository.Repository;
import org.xieshang.support.ApiTestBase;

/**
 * The repositories start lazily (application.yml); the warm-up after start creates every one of them,
 * so a query that Spring Data or Hibernate rejects is still found by the tests, as an eager start found it.
 */
class RepositoryWarmUpTest extends ApiTestBase {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theRepositoriesStartLazilyAndTheWarmUpCreatesEveryOneWithoutFailure() {
        String[] names = context.getBeanFactory().getBeanNamesForType(Repository.class, false, false);
        assertThat(names).hasSizeGreaterThan(60);
        assertThat(context.getBeanFactory().getBeanDefinition(names[0]).isLazyInit()).isTrue();

        assertThat(context.getBean(RepositoryWarmUp.class).createAll()).isEmpty();

        for (String name : names) {
            assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isTrue();
        }
    }
}
