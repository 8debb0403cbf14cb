package io.localpack.vmm.tier;

import io.localpack.vmm.common.VmmKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computer tiers by key and by service. The bulk updates ({@link ServiceTierUpdates} and the delete) behave like
 * those of VirtualMachineRepository: single statements in the caller's transaction, flushing first, not refreshing
 * tiers already loaded.
 */
public interface ComputerTierRepository extends JpaRepository<ComputerTier, VmmKey>, ServiceTierUpdates {

    /** A tier of the subscription, by its full key: another tenant's tier is as absent as a missing one. */
    @Query("select t from ComputerTier t where t.subscriptionId = :subscriptionId and t.id = :id"
            + " and t.stampId = :stampId")
    Optional<ComputerTier> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    /** The tiers of one service the subscription owns, by name; empty for another tenant's service. */
    @Query("select t from ComputerTier t where t.subscriptionId = :subscriptionId and t.serviceId = :serviceId"
            + " and t.stampId = :stampId order by t.name")
    List<ComputerTier> findOfService(@Param("subscriptionId") UUID subscriptionId,
            @Param("serviceId") UUID serviceId, @Param("stampId") UUID stampId);

    /** Deletes the tiers of a service. Deleting the service row deletes them too (ON DELETE CASCADE). */
    @Transactional
    @Modifying(flushAutomatically = true)
    @Query("delete from ComputerTier t where t.serviceId = :serviceId and t.stampId = :stampId")
    int deleteByService(@Param("serviceId") UUID serviceId, @Param("stampId") UUID stampId);
}
