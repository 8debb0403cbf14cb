package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NatRuleRepository extends JpaRepository<NatRule, VmmKey> {

    @Query("select r from NatRule r where r.id = :id and r.stampId = :stampId and r.subscriptionId = :subscriptionId")
    Optional<NatRule> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    @Query("select count(r) from NatRule r where r.natConnectionId = :connectionId and r.stampId = :stampId")
    long countOfConnection(@Param("connectionId") UUID connectionId, @Param("stampId") UUID stampId);

    /** The rule already forwarding this protocol and external port of the connection, if any. */
    @Query("""
            select r from NatRule r where r.natConnectionId = :connectionId and r.stampId = :stampId
              and r.protocol = :protocol and r.externalPort = :port""")
    Optional<NatRule> forwarding(@Param("connectionId") UUID connectionId, @Param("stampId") UUID stampId,
            @Param("protocol") String protocol, @Param("port") int port);
}
