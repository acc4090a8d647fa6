package org.xieshang.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        RepositoryWarmUp warmUp = context.getBean(RepositoryWarmUp.class);
        List<String> names = warmUp.repositoryNames();
        assertThat(names).hasSizeGreaterThan(60);
        assertThat(names).allSatisfy(name ->
                assertThat(context.getBeanFactory().getBeanDefinition(name).isLazyInit()).as(name).isTrue());

        assertThat(warmUp.createAll()).isEmpty();

        // every repository there is, as the (creating) lookup by type finds them
        assertThat(names).containsExactlyInAnyOrder(context.getBeanNamesForType(Repository.class));

        for (String name : names) {
            assertThat(context.getBeanFactory().containsSingleton(name)).as(name).isTrue();
        }
    }
}
