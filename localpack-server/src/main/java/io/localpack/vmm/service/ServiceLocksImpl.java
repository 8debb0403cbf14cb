package io.localpack.vmm.service;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * A locking load by primary key rather than a JPQL query: the same SELECT … FOR UPDATE, without translating a query
 * and binding its parameters through the repository's query machinery on every service operation (that was a sixth
 * of a PUT's CPU in B4).
 */
class ServiceLocksImpl implements ServiceLocks {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<Service> lockForJob(UUID id, UUID stampId) {
        return Optional.ofNullable(entityManager.find(Service.class, new VmmKey(id, stampId),
                LockModeType.PESSIMISTIC_WRITE));
    }
}
