package io.localpack.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.asm.domain.Deployment;
import io.localpack.asm.domain.RoleInstance;
import io.localpack.testsupport.LocalPackServerTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hibernate runs with its "none" bytecode provider (io.localpack.NoRuntimeBytecode): no proxy or accessor classes
 * made at run time. That leaves no way to load an association to one entity lazily, so the model must have none.
 */
@LocalPackServerTest
class NoRuntimeBytecodeTest {

    @Autowired EntityManagerFactory entityManagerFactory;

    @Test
    void hibernateMakesNoClassesAtRunTime() {
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        assertThat(sessionFactory.getServiceRegistry().requireService(BytecodeProvider.class))
                .isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
    }

    @Test
    void noAssociationToOneEntityIsLazy() {
        List<String> toOne = new ArrayList<>();
        List<String> lazy = new ArrayList<>();
        entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
                entity -> entity.forEachAttributeMapping(attribute -> {
                    if (attribute instanceof ToOneAttributeMapping association) {
                        String name = entity.getEntityName() + "." + association.getAttributeName();
                        toOne.add(name);
                        if (association.getMappedFetchOptions().getTiming() != FetchTiming.IMMEDIATE) {
                            lazy.add(name);
                        }
                    }
                }));
        assertThat(toOne).isNotEmpty();
        assertThat(lazy).isEmpty();
    }

    @Test
    void anEntityLoadedOnItsOwnReadsTheEntityItBelongsTo() {
        // what a lazy association would need a proxy for: the owner is not yet in the persistence context
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            RoleInstance instance = entityManager.createQuery("SELECT r FROM RoleInstance r", RoleInstance.class)
                    .setMaxResults(1).getSingleResult();
            Deployment deployment = instance.getDeployment();
            assertThat(deployment.getRoleInstances()).contains(instance);
            assertThat(deployment.getHostedService().getDeployments()).contains(deployment);
        }
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            Deployment deployment = entityManager.createQuery("SELECT d FROM Deployment d", Deployment.class)
                    .setMaxResults(1).getSingleResult();
            assertThat(deployment.getHostedService().getServiceName()).isNotBlank();
        }
    }

    @Test
    void anotherPersistenceUnitInTheSameJvmKeepsItsProvider() {
        // e.g. a user's own Hibernate beside the JUnit 5 extension's LocalPack: its registry applies the service
        // contributors ServiceLoader finds, LocalPack's among them, but has not LocalPack's setting
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().build();
        try {
            assertThat(registry.requireService(BytecodeProvider.class))
                    .isNotInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
