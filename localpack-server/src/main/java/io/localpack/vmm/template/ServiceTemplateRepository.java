package io.localpack.vmm.template;

import io.localpack.vmm.common.VmmKey;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ServiceTemplateRepository extends JpaRepository<ServiceTemplate, VmmKey> {

    /** A template the subscription has been granted, by its full key. */
    @Query("""
            select t from ServiceTemplate t where t.id = :id and t.stampId = :stampId
              and exists (select 1 from ServiceTemplateGrant g where g.key.subscriptionId = :subscriptionId
                          and g.key.templateId = t.id and g.key.stampId = t.stampId)""")
    Optional<ServiceTemplate> findGranted(@Param("subscriptionId") UUID subscriptionId, @Param("id") UUID id,
            @Param("stampId") UUID stampId);
}
