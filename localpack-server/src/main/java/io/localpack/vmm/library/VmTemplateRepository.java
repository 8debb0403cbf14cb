package io.localpack.vmm.library;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VmTemplateRepository extends JpaRepository<VmTemplate, VmmKey> {

    /** A template granted to the subscription, by its full key. */
    @Query("""
            select t from VmTemplate t where t.id = :id and t.stampId = :stampId
              and exists (select 1 from VmTemplateGrant g where g.key.subscriptionId = :subscriptionId
                          and g.key.templateId = t.id and g.key.stampId = t.stampId)""")
    Optional<VmTemplate> findGranted(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
