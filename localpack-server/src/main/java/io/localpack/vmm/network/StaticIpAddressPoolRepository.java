package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StaticIpAddressPoolRepository extends JpaRepository<StaticIpAddressPool, VmmKey> {

    @Query("select p from StaticIpAddressPool p where p.id = :id and p.stampId = :stampId"
            + " and p.subscriptionId = :subscriptionId")
    Optional<StaticIpAddressPool> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    /** Other pools of the subnet whose range meets first..last. */
    @Query("""
            select p from StaticIpAddressPool p where p.vmSubnetId = :subnetId and p.stampId = :stampId
              and p.id <> :exceptId and p.rangeFirst <= :last and p.rangeLast >= :first""")
    List<StaticIpAddressPool> overlapping(@Param("subnetId") UUID subnetId, @Param("stampId") UUID stampId,
            @Param("exceptId") UUID exceptId, @Param("first") long first, @Param("last") long last);

    @Query("select count(p) from StaticIpAddressPool p where p.vmSubnetId = :subnetId and p.stampId = :stampId")
    long countInSubnet(@Param("subnetId") UUID subnetId, @Param("stampId") UUID stampId);

    /** The pools of a VM network, in the order they hand addresses out: subnet by subnet, oldest first. */
    @Query("""
            select p from StaticIpAddressPool p, VmSubnet s where s.id = p.vmSubnetId and s.stampId = p.stampId
              and s.vmNetworkId = :networkId and s.stampId = :stampId
            order by s.addedTime, s.name, p.addedTime, p.name""")
    List<StaticIpAddressPool> ofNetwork(@Param("networkId") UUID networkId, @Param("stampId") UUID stampId);

}
