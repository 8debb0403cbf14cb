package io.localpack.vmm.service;

import io.localpack.vmm.common.UserAndRole;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.odata.EntityReader;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/**
 * Tenants' writes to the {@code Services} entity set: request bodies read into the service life cycle's requests.
 * The members read here are the ones {@link ServiceEntitySet} declares writable.
 */
@Component
public class ServiceWrites implements WritableEntitySet {

    private final ServiceLifecycle lifecycle;

    public ServiceWrites(ServiceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        EntityReader deployment = in.complex("NewServiceDeployment");
        EntityReader configuration = deployment == null ? null : deployment.complex("ServiceConfiguration");
        List<NewService.SettingValue> settings = configuration == null ? List.of()
                : configuration.complexCollection("ServiceSettings").stream()
                        .map(v -> EntityReader.of(v, "ServiceSettings"))
                        .map(v -> new NewService.SettingValue(v.string("Name"), v.string("Value"),
                                Boolean.TRUE.equals(v.bool("IsEncrypted"))))
                        .toList();
        NewService request = new NewService(
                in.guid("StampId"),
                EntityReader.isEmptyGuid(in.guid("CloudId")) ? null : in.guid("CloudId"),
                EntityReader.isEmptyGuid(in.guid("ServiceTemplateId")) ? null : in.guid("ServiceTemplateId"),
                firstGiven(in.string("Name"), configuration == null ? null : configuration.string("Name")),
                firstGiven(in.string("Description"), configuration == null ? null : configuration.string("Description")),
                firstGiven(in.string("CostCenter"), configuration == null ? null : configuration.string("CostCenter")),
                firstGiven(in.string("ServicePriority"), configuration == null ? null : configuration.string("Priority")),
                owner(in.complex("Owner")),
                in.bool("IgnorePlacementErrors"),
                settings);
        return outcome(lifecycle.deploy(subscriptionId, request, principal));
    }

    @Override
    public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
        EntityReader in = EntityReader.of(body);
        EntityReader owner = in.complex("Owner");
        ServiceChanges changes = new ServiceChanges(in.string("Name"), in.string("Description"),
                in.string("CostCenter"), in.string("ServicePriority"),
                owner == null ? null : new ServiceChanges.OwnerChange(owner.string("UserName"),
                        owner.string("RoleName"), owner.guid("RoleID")));
        UUID templateId = in.guid("ServiceTemplateId");
        return outcome(lifecycle.update(subscriptionId, id, stampId, changes, in.string("Operation"),
                EntityReader.isEmptyGuid(templateId) ? null : templateId, principal));
    }

    @Override
    public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
        return outcome(lifecycle.delete(subscriptionId, id, stampId, principal));
    }

    private static WriteOutcome outcome(ServiceLifecycle.Ticket ticket) {
        return new WriteOutcome(new VmmKey(ticket.serviceId(), ticket.stampId()), ticket.jobId());
    }

    private static UserAndRole owner(EntityReader owner) {
        return owner == null ? null : new UserAndRole(owner.string("UserName"), owner.string("RoleName"),
                owner.guid("RoleID"));
    }

    private static String firstGiven(String first, String second) {
        return first != null ? first : second;
    }
}
