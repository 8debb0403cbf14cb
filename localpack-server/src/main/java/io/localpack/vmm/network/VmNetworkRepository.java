package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VmNetworkRepository extends JpaRepository<VmNetwork, VmmKey> {

    String VISIBLE = """
            (n.subscriptionId = :subscriptionId
             or (n.subscriptionId is null and exists (select 1 from VmNetworkGrant g
                 where g.key.subscriptionId = :subscriptionId and g.key.vmNetworkId = n.id
                   and g.key.stampId = n.stampId)))""";

    /** A network the subscription owns, or a provider's network shared with it, by its full key. */
    @Query("select n from VmNetwork n where n.id = :id and n.stampId = :stampId and " + VISIBLE)
    Optional<VmNetwork> findVisible(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    /** The networks of that name the subscription may connect machines to on the stamp (its own come first). */
    @Query("select n from VmNetwork n where n.stampId = :stampId and n.name = :name and " + VISIBLE
            + " order by case when n.subscriptionId is null then 1 else 0 end, n.addedTime")
    List<VmNetwork> findVisibleByName(@Param("subscriptionId") UUID subscriptionId, @Param("stampId") UUID stampId,
            @Param("name") String name);

    @Query("select n from VmNetwork n where n.id = :id and n.stampId = :stampId"
            + " and n.subscriptionId = :subscriptionId")
    Optional<VmNetwork> findOwned(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);

    @Query("select count(n) > 0 from VmNetwork n where n.subscriptionId = :subscriptionId"
            + " and n.stampId = :stampId and n.name = :name")
    boolean nameTaken(@Param("subscriptionId") UUID subscriptionId, @Param("stampId") UUID stampId,
            @Param("name") String name);

}
