package org.xieshang.audit.internal;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Hooks the entity change listener into Hibernate once the persistence unit is up. */
@Component
class AuditListenerRegistration implements SmartInitializingSingleton {

    private final EntityManagerFactory emf;
    private final AuditWriter writer;

    AuditListenerRegistration(EntityManagerFactory emf, AuditWriter writer) {
        this.emf = emf;
        this.writer = writer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().requireService(EventListenerRegistry.class);
        EntityChangeListener listener = new EntityChangeListener(writer);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }
}
