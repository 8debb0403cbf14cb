package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VmSubnetRepository extends JpaRepository<VmSubnet, VmmKey> {

    @Query("select s from VmSubnet s where s.id = :id and s.stampId = :stampId and s.subscriptionId = :subscriptionId")
    Optional<VmSubnet> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    /** Subnets of the network whose addresses meet the range first..last. */
    @Query("""
            select s from VmSubnet s where s.vmNetworkId = :networkId and s.stampId = :stampId
              and s.firstAddress <= :last and s.lastAddress >= :first""")
    List<VmSubnet> overlapping(@Param("networkId") UUID networkId, @Param("stampId") UUID stampId,
            @Param("first") long first, @Param("last") long last);

    @Query("select count(s) from VmSubnet s where s.vmNetworkId = :networkId and s.stampId = :stampId")
    long countInNetwork(@Param("networkId") UUID networkId, @Param("stampId") UUID stampId);

    /** The subnets of a network holding the address, for NAT rules' internal addresses. */
    @Query("""
            select count(s) > 0 from VmSubnet s where s.vmNetworkId = :networkId and s.stampId = :stampId
              and s.firstAddress < :address and s.lastAddress > :address""")
    boolean hostInNetwork(@Param("networkId") UUID networkId, @Param("stampId") UUID stampId,
            @Param("address") long address);
}
