package org.xieshang.shared.jpa;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import org.hibernate.HibernateException;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.enhance.spi.EnhancementContext;
import org.hibernate.bytecode.enhance.spi.Enhancer;
import org.hibernate.bytecode.internal.BytecodeProviderInitiator;
import org.hibernate.bytecode.spi.BasicProxyFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.bytecode.spi.ProxyFactoryFactory;
import org.hibernate.bytecode.spi.ReflectionOptimizer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.property.access.spi.PropertyAccess;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.ProxyFactory;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.type.CompositeType;

/**
 * Hibernate generates a lazy-loading proxy class (ByteBuddy) for every entity while the JPA factory starts,
 * about a quarter of that factory's start-up; yet no entity has a to-one association and proxies are only
 * made by {@code getReference}. Hibernate's own byte code provider stays, but each entity's proxy class is
 * now generated the first time a proxy of it is asked for. Registered in
 * {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}; {@code EntityProxiesTest} makes a
 * proxy of every entity, so one that cannot be proxied still fails a test.
 */
public final class DeferredEntityProxies implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(new StandardServiceInitiator<BytecodeProvider>() {
            @Override
            public Class<BytecodeProvider> getServiceInitiated() {
                return BytecodeProvider.class;
            }

            @Override
            public BytecodeProvider initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
                return new Provider(BytecodeProviderInitiator.INSTANCE.initiateService(settings, registry));
            }
        });
    }

    /** Hibernate's provider, with its proxy factories deferred. */
    private record Provider(BytecodeProvider delegate) implements BytecodeProvider {

        @Override
        public ProxyFactoryFactory getProxyFactoryFactory() {
            ProxyFactoryFactory factories = delegate.getProxyFactoryFactory();
            return new ProxyFactoryFactory() {
                @Override
                public ProxyFactory buildProxyFactory(SessionFactoryImplementor sessionFactory) {
                    return new Deferred(factories, sessionFactory);
                }

                @Override
                public BasicProxyFactory buildBasicProxyFactory(Class superClassOrInterface) {
                    return factories.buildBasicProxyFactory(superClassOrInterface);
                }
            };
        }

        @Override
        @SuppressWarnings({"deprecation", "rawtypes"})
        public ReflectionOptimizer getReflectionOptimizer(Class clazz, String[] getterNames, String[] setterNames,
                Class[] types) {
            return delegate.getReflectionOptimizer(clazz, getterNames, setterNames, types);
        }

        @Override
        public ReflectionOptimizer getReflectionOptimizer(Class<?> clazz, Map<String, PropertyAccess> propertyAccessMap) {
            return delegate.getReflectionOptimizer(clazz, propertyAccessMap);
        }

        @Override
        public Enhancer getEnhancer(EnhancementContext enhancementContext) {
            return delegate.getEnhancer(enhancementContext);
        }

        @Override
        public void resetCaches() {
            delegate.resetCaches();
        }
    }

    /** Keeps what Hibernate passes at start and builds the real proxy factory (and class) at the first proxy. */
    static final class Deferred implements ProxyFactory {
        private final ProxyFactoryFactory factories;
        private final SessionFactoryImplementor sessionFactory;
        private String entityName;
        private Class<?> persistentClass;
        private Set<Class<?>> interfaces;
        private Method getIdentifierMethod;
        private Method setIdentifierMethod;
        private CompositeType componentIdType;
        private volatile ProxyFactory built;

        Deferred(ProxyFactoryFactory factories, SessionFactoryImplementor sessionFactory) {
            this.factories = factories;
            this.sessionFactory = sessionFactory;
        }

        @Override
        public void postInstantiate(String entityName, Class<?> persistentClass, Set<Class<?>> interfaces,
                Method getIdentifierMethod, Method setIdentifierMethod, CompositeType componentIdType) {
            this.entityName = entityName;
            this.persistentClass = persistentClass;
            this.interfaces = interfaces; // Hibernate's own ordered set, made for this call
            this.getIdentifierMethod = getIdentifierMethod;
            this.setIdentifierMethod = setIdentifierMethod;
            this.componentIdType = componentIdType;
        }

        @Override
        public HibernateProxy getProxy(Object id, SharedSessionContractImplementor session) throws HibernateException {
            return factory().getProxy(id, session);
        }

        ProxyFactory factory() {
            ProxyFactory f = built;
            if (f == null) {
                synchronized (this) {
                    f = built;
                    if (f == null) {
                        f = factories.buildProxyFactory(sessionFactory);
                        f.postInstantiate(entityName, persistentClass, interfaces, getIdentifierMethod,
                                setIdentifierMethod, componentIdType);
                        built = f;
                    }
                }
            }
            return f;
        }
    }
}
