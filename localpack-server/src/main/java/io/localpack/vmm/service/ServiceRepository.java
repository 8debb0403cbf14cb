package io.localpack.vmm.service;

import io.localpack.vmm.common.VmmKey;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ServiceRepository extends JpaRepository<Service, VmmKey> {

    /**
     * Locks the service's row until the transaction ends (SELECT … FOR UPDATE), so a job on the service and a job on
     * one of its machines are not queued both at once: each checks the other's lock while holding this one.
     */
    /**
     * A service of the subscription with its four element collections, for reads: one query (the collections as
     * left joins) instead of the row and then a lazy load per collection, five in all (issue 20). The collections are
     * ordered lists (@OrderColumn), so the joins' row product only repeats elements at their index.
     */
    @EntityGraph(attributePaths = {"grantedToList", "customProperties", "pendingServiceSettings", "serviceSettings"})
    @Query("select s from Service s where s.id = :id and s.stampId = :stampId and s.subscriptionId = :subscriptionId")
    java.util.Optional<Service> findOwnedWithCollections(@Param("subscriptionId") UUID subscriptionId,
            @Param("id") UUID id, @Param("stampId") UUID stampId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Service s where s.id = :id and s.stampId = :stampId")
    java.util.Optional<Service> lockForJob(@Param("id") UUID id, @Param("stampId") UUID stampId);
}
