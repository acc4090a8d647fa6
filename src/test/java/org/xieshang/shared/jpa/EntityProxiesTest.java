package org.xieshang.shared.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xieshang.support.ApiTestBase;

/**
 * Entity proxy classes are generated at first use ({@link DeferredEntityProxies}) instead of at start; this
 * asks for a proxy of every entity, so an entity that Hibernate cannot proxy still fails here.
 */
class EntityProxiesTest extends ApiTestBase {

    @Autowired
    EntityManagerFactory emf;

    @Test
    void hibernateUsesTheDeferredProxyFactories() {
        SessionFactoryImplementor sf = emf.unwrap(SessionFactoryImplementor.class);
        assertThat(sf.getServiceRegistry().requireService(BytecodeProvider.class).getClass().getName())
                .startsWith(DeferredEntityProxies.class.getName());
        sf.getMappingMetamodel().forEachEntityDescriptor(persister -> assertThat(
                persister.getRepresentationStrategy().getProxyFactory())
                .as(persister.getEntityName()).isInstanceOf(DeferredEntityProxies.Deferred.class));
    }

    @Test
    void everyEntityHasAnUninitializedProxyOfItsOwnClass() {
        List<EntityType<?>> entities = List.copyOf(emf.getMetamodel().getEntities());
        assertThat(entities).hasSizeGreaterThan(60);
        try (EntityManager em = emf.createEntityManager()) {
            for (EntityType<?> type : entities) {
                Object id = switch (type.getIdType().getJavaType().getName()) {
                    case "java.lang.Long", "long" -> -7_100_001L;
                    case "java.lang.Integer", "int" -> -7_100_001;
                    case "java.lang.String" -> "no-such-id-7100";
                    case "java.util.UUID" -> new java.util.UUID(7100L, 1L);
                    default -> throw new AssertionError(type.getName() + ": id type " + type.getIdType());
                };
                Object proxy = em.getReference(type.getJavaType(), id);
                assertThat(proxy).as(type.getName()).isInstanceOf(HibernateProxy.class)
                        .isInstanceOf(type.getJavaType());
                assertThat(Hibernate.isInitialized(proxy)).as(type.getName()).isFalse();
                assertThat(((HibernateProxy) proxy).getHibernateLazyInitializer().getIdentifier()).isEqualTo(id);
            }
        }
    }
}
