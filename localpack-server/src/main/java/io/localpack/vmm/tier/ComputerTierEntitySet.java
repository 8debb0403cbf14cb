package io.localpack.vmm.tier;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The {@code ComputerTiers} entity set: VMM.ComputerTier on the wire over {@link ComputerTier} rows, the tiers of the
 * subscription's services. Read-only, as in SPF (GET only): tiers change only through the jobs of their service, so
 * POST, PUT, MERGE and DELETE answer 405.
 */
@Configuration(proxyBeanMethods = false)
public class ComputerTierEntitySet {

    /**
     * VMM.ComputerTier, reduced to the properties LocalPack stores (shared/spec/vmm-odata.md 6; SPF's table is
     * truncated there). Names and types are SPF's, in alphabetical order as the doc lists them.
     */
    @Bean
    @Order(60)
    EntitySetDeclaration<ComputerTier> computerTiers(ComputerTierRepository tiers) {
        return EntitySetDeclaration.builder("ComputerTiers", "ComputerTier", ComputerTier.class)
                .key("ID", ComputerTier::getId).queryable("id")
                .key("StampId", ComputerTier::getStampId).queryable("stampId")
                .property("Accessibility", STRING, ComputerTier::getAccessibility).queryable("accessibility")
                .property("AddedTime", DATE_TIME, ComputerTier::getAddedTime).queryable("addedTime")
                .property("AllVMsAccessible", BOOLEAN, ComputerTier::getAllVmsAccessible).queryable("allVmsAccessible")
                .property("ComputerTierStatus", STRING, ComputerTier::getComputerTierStatus)
                .queryable("computerTierStatus")
                // custom properties of tiers are not modelled; SPF's collections are never null, so it reads empty
                .complexCollection("CustomProperty", CommonTypes.CUSTOM_PROPERTY, tier -> List.of())
                .property("DeploymentState", STRING, ComputerTier::getDeploymentState).queryable("deploymentState")
                .property("Description", STRING, ComputerTier::getDescription).queryable("description")
                .property("Enabled", BOOLEAN, ComputerTier::getEnabled).queryable("enabled")
                .property("FailedJobID", GUID, ComputerTier::getFailedJobId).queryable("failedJobId")
                .property("InstanceMaximumCount", INT32, ComputerTier::getInstanceMaximumCount)
                .queryable("instanceMaximumCount")
                .property("InstanceMinimumCount", INT32, ComputerTier::getInstanceMinimumCount)
                .queryable("instanceMinimumCount")
                .property("ModifiedTime", DATE_TIME, ComputerTier::getModifiedTime).queryable("modifiedTime")
                .property("Name", STRING, ComputerTier::getName).queryable("name")
                .property("ServiceId", GUID, ComputerTier::getServiceId).queryable("serviceId")
                .scope(TenantScope.ownedRows(), tiers::findOwned)
                .build();
    }
}
