package org.xieshang.setup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationNotAllowedException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.stereotype.Component;

/**
 * The JPA repositories are created lazily ({@code spring.data.jpa.repositories.bootstrap-mode: lazy}):
 * making all of them at start, every declared query parsed by Spring Data and checked by Hibernate, was
 * about a fifth of the start-up's CPU (docs/perf.md, Start-up). A request creates those it uses; once
 * the application is ready (the first start's seeding done) this creates the rest on a background
 * thread, so that the first pages do not pay for them and a broken query is still reported at start.
 * A first start begins it before its seeding ({@link FirstStart}): the demo committee's loading uses
 * most repositories, and creating them on a second core saves the loading thread about a second
 * (docs/perf.md, Start-up).
 */
@Component
class RepositoryWarmUp {

    private static final Logger log = LoggerFactory.getLogger(RepositoryWarmUp.class);

    private final ConfigurableApplicationContext context;
    private final AtomicBoolean started = new AtomicBoolean();

    RepositoryWarmUp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        start();
    }

    /** Creates the repositories on a background thread, once (a thread asking for one meanwhile waits for it). */
    void start() {
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(this::createAll, "repository-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * The repositories' bean names. Asked of the factory beans' classes: a lazy repository's own type is
     * not known before it is created, and asking for it by type would create it on the caller's thread.
     */
    List<String> repositoryNames() {
        List<String> names = new ArrayList<>();
        for (String name : context.getBeanFactory().getBeanDefinitionNames()) {
            if (context.getBeanFactory().isTypeMatch(BeanFactory.FACTORY_BEAN_PREFIX + name,
                    RepositoryFactoryBeanSupport.class)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The context is being stopped ({@code isActive} turns false only once its beans are destroyed). */
    private boolean closing() {
        return context.isClosed() || !context.isActive();
    }

    /** Creates every repository not made yet; the names of those that failed (each failure is logged). */
    List<String> createAll() {
        long start = System.nanoTime();
        List<String> names = repositoryNames();
        List<String> failed = new ArrayList<>();
        for (String name : names) {
            if (closing()) {
                return failed;
            }
            try {
                context.getBean(name);
            } catch (BeansException e) {
                // a stop right after start destroys the beans under this thread: not a broken repository
                if (closing() || e instanceof BeanCreationNotAllowedException
                        || e.contains(BeanCreationNotAllowedException.class)) {
                    return failed;
                }
                failed.add(name);
                log.error("Repository {} could not be created", name, e);
            }
        }
        log.info("{} repositories ready in {} ms", names.size(), (System.nanoTime() - start) / 1_000_000);
        return failed;
    }
}
