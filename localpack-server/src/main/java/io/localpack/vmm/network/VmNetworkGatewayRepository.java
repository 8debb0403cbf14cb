package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VmNetworkGatewayRepository extends JpaRepository<VmNetworkGateway, VmmKey> {

    @Query("select g from VmNetworkGateway g where g.id = :id and g.stampId = :stampId"
            + " and g.subscriptionId = :subscriptionId")
    Optional<VmNetworkGateway> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    @Query("select count(g) from VmNetworkGateway g where g.vmNetworkId = :networkId and g.stampId = :stampId")
    long countInNetwork(@Param("networkId") UUID networkId, @Param("stampId") UUID stampId);
}
