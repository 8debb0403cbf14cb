package io.localpack.vmm.tier;

import io.localpack.vmm.edm.VmmEdmProvider;
import io.localpack.vmm.odata.EntitySetBindingBase;
import io.localpack.vmm.odata.EntityWriter;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/**
 * The {@code ComputerTiers} entity set: VMM.ComputerTier on the wire over {@link ComputerTier} rows, the tiers of the
 * subscription's services. Read-only, as in SPF (GET only): tiers change only through the jobs of their service, so
 * POST, PUT, MERGE and DELETE answer 405.
 */
@Component
public class ComputerTierODataBinding extends EntitySetBindingBase<ComputerTier> {

    private static final Map<String, String> QUERYABLE = Map.ofEntries(
            Map.entry("ID", "id"), Map.entry("StampId", "stampId"), Map.entry("ServiceId", "serviceId"),
            Map.entry("Name", "name"), Map.entry("Description", "description"),
            Map.entry("DeploymentState", "deploymentState"), Map.entry("ComputerTierStatus", "computerTierStatus"),
            Map.entry("InstanceMinimumCount", "instanceMinimumCount"),
            Map.entry("InstanceMaximumCount", "instanceMaximumCount"),
            Map.entry("AddedTime", "addedTime"), Map.entry("ModifiedTime", "modifiedTime"),
            Map.entry("FailedJobID", "failedJobId"), Map.entry("Enabled", "enabled"),
            Map.entry("Accessibility", "accessibility"), Map.entry("AllVMsAccessible", "allVmsAccessible"));

    private final ComputerTierRepository tiers;

    public ComputerTierODataBinding(ComputerTierRepository tiers) {
        super(VmmEdmProvider.COMPUTER_TIERS, ComputerTier.class, QUERYABLE);
        this.tiers = tiers;
    }

    @Override
    public Predicate visibleTo(UUID subscriptionId, Root<ComputerTier> root, CriteriaQuery<?> query,
            CriteriaBuilder cb) {
        return cb.equal(root.get("subscriptionId"), subscriptionId);
    }

    @Override
    public Optional<ComputerTier> find(UUID subscriptionId, UUID id, UUID stampId) {
        return tiers.findOwned(subscriptionId, id, stampId);
    }

    @Override
    public Entity toEntity(ComputerTier tier, UUID subscriptionId) {
        return EntityWriter.entity(VmmEdmProvider.COMPUTER_TIER.getFullQualifiedNameAsString())
                .primitive("ID", tier.getId())
                .primitive("StampId", tier.getStampId())
                .primitive("Accessibility", tier.getAccessibility())
                .primitive("AddedTime", tier.getAddedTime())
                .primitive("AllVMsAccessible", tier.getAllVmsAccessible())
                .primitive("ComputerTierStatus", tier.getComputerTierStatus())
                // Custom properties of tiers are not modelled; SPF's collections are never null, so it reads empty.
                .complexCollection("CustomProperty", List.of())
                .primitive("DeploymentState", tier.getDeploymentState())
                .primitive("Description", tier.getDescription())
                .primitive("Enabled", tier.getEnabled())
                .primitive("FailedJobID", tier.getFailedJobId())
                .primitive("InstanceMaximumCount", tier.getInstanceMaximumCount())
                .primitive("InstanceMinimumCount", tier.getInstanceMinimumCount())
                .primitive("ModifiedTime", tier.getModifiedTime())
                .primitive("Name", tier.getName())
                .primitive("ServiceId", tier.getServiceId())
                .toEntity();
    }
}
