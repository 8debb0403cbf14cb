package io.localpack.admin.ui;

import io.localpack.vmm.network.StaticIpAddressPool;
import io.localpack.vmm.network.VmNetwork;
import io.localpack.vmm.network.VmNetworkGateway;
import io.localpack.vmm.network.VmNetworkGrant;
import io.localpack.vmm.network.VmSubnet;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * VMM VM networks a subscription sees, as the API shows them: its own, and the provider's shared with it through a
 * grant (no owner; {@code EXISTS} on the grant's key). The page holds the network's subnets, their static IP address
 * pools and its gateways; a tenant's own network can be deleted (the VMM API's DELETE).
 */
@Component
class VmNetworkKind extends JpaResourceKind<VmNetwork> {

    private final EntityManager entityManager;

    VmNetworkKind(EntityManager entityManager) {
        super(VmNetwork.class, entityManager);
        this.entityManager = entityManager;
    }

    @Override
    public String key() {
        return "vm-networks";
    }

    @Override
    public String title() {
        return "VM networks";
    }

    @Override
    public String api() {
        return "VMM";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<String> columns() {
        return List.of("Logical network", "Isolation", "Owner", "Stamp");
    }

    @Override
    protected String subscriptionAttribute() {
        return "subscriptionId";
    }

    @Override
    protected String nameAttribute() {
        return "name";
    }

    @Override
    protected String stateAttribute() {
        return null; // a VM network has no state in VMM
    }

    /** Owned by the subscription, or the provider's (no owner) and granted to it: what the API lets it read. */
    @Override
    protected Specification<VmNetwork> ofSubscription(UUID subscription) {
        return (root, query, cb) -> {
            Subquery<Integer> granted = query.subquery(Integer.class);
            Root<VmNetworkGrant> grant = granted.from(VmNetworkGrant.class);
            granted.select(cb.literal(1)).where(
                    cb.equal(grant.get("key").get("subscriptionId"), subscription),
                    cb.equal(grant.get("key").get("vmNetworkId"), root.get("id")),
                    cb.equal(grant.get("key").get("stampId"), root.get("stampId")));
            return cb.or(cb.equal(root.get("subscriptionId"), subscription),
                    cb.and(cb.isNull(root.get("subscriptionId")), cb.exists(granted)));
        };
    }

    /**
     * A VM network is keyed by ID and StampId (the provider's External network has one id on two stamps): its page
     * is {@code {id}:{stampId}}; a bare id finds it on whichever stamp comes first.
     */
    @Override
    protected Specification<VmNetwork> withId(String id) {
        String[] parts = id.split(":", 2);
        UUID network = UUID.fromString(parts[0]);
        UUID stamp = parts.length == 2 ? UUID.fromString(parts[1]) : null;
        return (root, query, cb) -> stamp == null ? cb.equal(root.get("id"), network)
                : cb.and(cb.equal(root.get("id"), network), cb.equal(root.get("stampId"), stamp));
    }

    private static String pageId(VmNetwork n) {
        return n.getId() + ":" + n.getStampId();
    }

    @Override
    protected ResourceRow row(VmNetwork n, UUID subscription) {
        return new ResourceRow(pageId(n), n.getSubscriptionId() != null ? n.getSubscriptionId()
                : subscription, n.getName(), "", List.of(text(n.getLogicalNetworkName()), text(n.getIsolationType()),
                n.getSubscriptionId() == null ? "provider (granted)" : "tenant", text(n.getStampId())));
    }

    @Override
    protected Optional<ResourceDetail.Builder> detail(VmNetwork n, UUID subscription) {
        ResourceDetail.Builder page = ResourceDetail.builder(key(), pageId(n), subscription, n.getName(),
                        "")
                .vmmEntity("VMNetworks", n.getId(), n.getStampId())
                .jobTarget(n.getId())
                .journalPathKey(n.getId().toString());
        if (n.getSubscriptionId() != null) { // the provider's networks are read-only to tenants
            page.operation("Delete", "vmm-delete/VMNetworks/" + subscription + "/" + n.getId() + "/" + n.getStampId(),
                    null);
        }
        // a provider's network may carry the provider's subnets; a tenant's rows are its own
        List<VmSubnet> subnets = entityManager.createQuery("SELECT s FROM VmSubnet s WHERE s.vmNetworkId = :network"
                        + " AND s.stampId = :stamp AND (s.subscriptionId = :sub OR s.subscriptionId IS NULL)"
                        + " ORDER BY s.name", VmSubnet.class)
                .setParameter("network", n.getId()).setParameter("stamp", n.getStampId())
                .setParameter("sub", subscription).setMaxResults(ResourceQuery.MAX_SIZE).getResultList();
        page.section(new ResourceDetail.Section("VM subnets", List.of("Name", "Subnet", "Id"),
                subnets.stream().map(s -> List.of(text(s.getName()), text(s.getSubnet()), text(s.getId()))).toList(),
                null));
        List<UUID> subnetIds = subnets.stream().map(VmSubnet::getId).toList();
        subnetIds.forEach(id -> page.jobTarget(id).journalPathKey(id.toString()));
        List<StaticIpAddressPool> pools = subnetIds.isEmpty() ? List.of() : entityManager.createQuery(
                        "SELECT p FROM StaticIpAddressPool p WHERE p.vmSubnetId IN :subnets AND p.stampId = :stamp"
                                + " AND (p.subscriptionId = :sub OR p.subscriptionId IS NULL) ORDER BY p.name",
                        StaticIpAddressPool.class)
                .setParameter("subnets", subnetIds).setParameter("stamp", n.getStampId())
                .setParameter("sub", subscription).setMaxResults(ResourceQuery.MAX_SIZE).getResultList();
        pools.forEach(p -> page.jobTarget(p.getId()));
        page.section(new ResourceDetail.Section("Static IP address pools",
                List.of("Name", "Subnet", "Range", "Gateways", "DNS servers"),
                pools.stream().map(p -> List.of(text(p.getName()), text(p.getSubnet()),
                        text(p.getRangeStart()) + " – " + text(p.getRangeEnd()), text(p.getDefaultGateways()),
                        text(p.getDnsServers()))).toList(), null));
        List<VmNetworkGateway> gateways = entityManager.createQuery("SELECT g FROM VmNetworkGateway g WHERE"
                        + " g.vmNetworkId = :network AND g.stampId = :stamp AND (g.subscriptionId = :sub"
                        + " OR g.subscriptionId IS NULL) ORDER BY g.name", VmNetworkGateway.class)
                .setParameter("network", n.getId()).setParameter("stamp", n.getStampId())
                .setParameter("sub", subscription).setMaxResults(ResourceQuery.MAX_SIZE).getResultList();
        gateways.forEach(g -> page.jobTarget(g.getId()));
        page.section(new ResourceDetail.Section("Gateways", List.of("Name", "NAT", "VPN", "BGP"),
                gateways.stream().map(g -> List.of(text(g.getName()), text(g.getRequiresNat()),
                        text(g.getRequiresVpn()), text(g.getEnableBgp()))).toList(), null));
        return Optional.of(page);
    }
}
