package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NatConnectionRepository extends JpaRepository<NatConnection, VmmKey> {

    @Query("select c from NatConnection c where c.id = :id and c.stampId = :stampId"
            + " and c.subscriptionId = :subscriptionId")
    Optional<NatConnection> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    @Query("select count(c) from NatConnection c where c.vmNetworkGatewayId = :gatewayId and c.stampId = :stampId")
    long countOfGateway(@Param("gatewayId") UUID gatewayId, @Param("stampId") UUID stampId);

    /** The external addresses of the logical network's range already taken, lowest first. */
    @Query("""
            select c.externalAddressValue from NatConnection c where c.logicalNetworkId = :logicalNetworkId
              and c.stampId = :stampId order by c.externalAddressValue""")
    List<Long> externalAddressesTaken(@Param("logicalNetworkId") UUID logicalNetworkId,
            @Param("stampId") UUID stampId);
}
