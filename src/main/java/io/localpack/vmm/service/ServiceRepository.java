package io.localpack.vmm.service;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ServiceRepository extends JpaRepository<Service, VmmKey> {

    /** A service of the subscription, by its full key: another tenant's service is as absent as a missing one. */
    @Query("select s from Service s where s.subscriptionId = :subscriptionId and s.id = :id and s.stampId = :stampId")
    Optional<Service> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
