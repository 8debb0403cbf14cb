package io.localpack.vmm.network;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DATE_TIME;
import static io.localpack.vmm.model.Primitives.DECIMAL;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.common.SeparatedValues;
import io.localpack.vmm.model.CommonTypes;
import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The entity sets of tenant networks (spec 2.9): {@code LogicalNetworks} (read-only, granted), {@code VMNetworks}
 * (the subscription's own and the provider's shared with it), {@code VMSubnets} and {@code StaticIPAddressPools}.
 */
@Configuration(proxyBeanMethods = false)
public class NetworkEntitySet {

    private static final String IPV4 = "IPV4";

    /** VMM.LogicalNetwork (spec 2.9, DAS's members). CloudId reads null: a logical network serves many clouds. */
    @Bean
    @Order(80)
    EntitySetDeclaration<LogicalNetwork> logicalNetworks(LogicalNetworkRepository logicalNetworks) {
        return EntitySetDeclaration.builder("LogicalNetworks", "LogicalNetwork", LogicalNetwork.class)
                .key("ID", LogicalNetwork::getId).queryable("id")
                .key("StampId", LogicalNetwork::getStampId).queryable("stampId")
                .property("CloudId", GUID, l -> null)
                .property("Name", STRING, LogicalNetwork::getName).queryable("name")
                .property("Description", STRING, LogicalNetwork::getDescription).queryable("description")
                .property("NetworkVirtualizationEnabled", BOOLEAN, LogicalNetwork::getNetworkVirtualizationEnabled)
                .queryable("networkVirtualizationEnabled")
                .scope(TenantScope.grantedRows(LogicalNetworkGrant.class, "logicalNetworkId"),
                        logicalNetworks::findGranted)
                .build();
    }

    /**
     * VMM.VMNetwork (spec 2.9). The POST-only members (AutoCreateSubnet) read null; CA and PA pools are IPv4;
     * RoutingDomainId is the network's own id (each network-virtualized VM network is its own routing domain).
     */
    @Bean
    @Order(81)
    EntitySetDeclaration<VmNetwork> vmNetworks(VmNetworkRepository networks, NetworkWrites writes) {
        return EntitySetDeclaration.builder("VMNetworks", "VMNetwork", VmNetwork.class)
                .key("ID", VmNetwork::getId).queryable("id")
                .key("StampId", VmNetwork::getStampId).queryable("stampId").writable()
                .property("Name", STRING, VmNetwork::getName).queryable("name").writable()
                .property("Description", STRING, VmNetwork::getDescription).queryable("description").writable()
                .property("LogicalNetworkId", GUID, VmNetwork::getLogicalNetworkId).queryable("logicalNetworkId")
                .writable()
                .property("LogicalNetworkName", STRING, VmNetwork::getLogicalNetworkName)
                .property("AutoCreateSubnet", BOOLEAN, n -> null).writable()
                .property("CAIPAddressPoolType", STRING, n -> IPV4).writable()
                .property("PAIPAddressPoolType", STRING, n -> IPV4).writable()
                .property("ExternalName", STRING, n -> "").writable()
                .property("IsolationType", STRING, VmNetwork::getIsolationType).queryable("isolationType")
                .complex("Owner", CommonTypes.USER_AND_ROLE, VmNetwork::getOwner).queryable("owner")
                .complexCollection("GrantedToList", CommonTypes.USER_AND_ROLE, n -> List.of())
                .property("AddedTime", DATE_TIME, VmNetwork::getAddedTime).queryable("addedTime")
                .property("ModifiedTime", DATE_TIME, VmNetwork::getModifiedTime).queryable("modifiedTime")
                .property("Enabled", BOOLEAN, n -> true)
                .property("IsAssigned", BOOLEAN, n -> true)
                .property("RoutingDomainId", GUID, n -> VmNetwork.NETWORK_VIRTUALIZATION.equals(n.getIsolationType())
                        ? n.getId() : null)
                .property("PROTipID", GUID, n -> null)
                .collectionNavigation("VMNetworkGateways", "VMNetworkGateways",
                        n -> Map.of("vmNetworkId", n.getId(), "stampId", n.getStampId()))
                .writes(writes.vmNetworks())
                .scope(ownedOrShared(), networks::findVisible)
                .build();
    }

    /** VMM.VMSubnet (spec 2.9, complete): no PUT, no navigations. */
    @Bean
    @Order(82)
    EntitySetDeclaration<VmSubnet> vmSubnets(VmSubnetRepository subnets, NetworkWrites writes) {
        return EntitySetDeclaration.builder("VMSubnets", "VMSubnet", VmSubnet.class)
                .key("ID", VmSubnet::getId).queryable("id")
                .key("StampId", VmSubnet::getStampId).queryable("stampId").writable()
                .property("Name", STRING, VmSubnet::getName).queryable("name").writable()
                .property("Subnet", STRING, VmSubnet::getSubnet).queryable("subnet").writable()
                .property("VMNetworkId", GUID, VmSubnet::getVmNetworkId).queryable("vmNetworkId").writable()
                .property("VMNetworkName", STRING, VmSubnet::getVmNetworkName)
                .writes(writes.vmSubnets())
                .scope(TenantScope.ownedRows(), subnets::findOwned)
                .build();
    }

    /**
     * VMM.StaticIPAddressPool (spec 2.9). Available addresses count the range less its reserved, VIP and gateway
     * addresses and those handed out (Decimal, a JSON string in V3). LogicalNetworkDefinitionId reads null: tenant
     * pools live in VM subnets, not in a logical network's definitions.
     */
    @Bean
    @Order(83)
    EntitySetDeclaration<StaticIpAddressPool> staticIpAddressPools(StaticIpAddressPoolRepository pools,
            NetworkWrites writes) {
        return EntitySetDeclaration.builder("StaticIPAddressPools", "StaticIPAddressPool", StaticIpAddressPool.class)
                .key("ID", StaticIpAddressPool::getId).queryable("id")
                .key("StampId", StaticIpAddressPool::getStampId).queryable("stampId").writable()
                .property("Name", STRING, StaticIpAddressPool::getName).queryable("name").writable()
                .property("Description", STRING, StaticIpAddressPool::getDescription).queryable("description")
                .writable()
                .property("Subnet", STRING, StaticIpAddressPool::getSubnet).writable()
                .property("VMSubnetId", GUID, StaticIpAddressPool::getVmSubnetId).queryable("vmSubnetId").writable()
                .property("LogicalNetworkDefinitionId", GUID, p -> null)
                .property("IPAddressRangeStart", STRING, StaticIpAddressPool::getRangeStart).queryable("rangeStart")
                .writable()
                .property("IPAddressRangeEnd", STRING, StaticIpAddressPool::getRangeEnd).queryable("rangeEnd")
                .writable()
                .primitiveCollection("DefaultGatewayIPAddresses", STRING,
                        p -> SeparatedValues.of(p.getDefaultGateways())).writable()
                .primitiveCollection("DNSServers", STRING, p -> SeparatedValues.of(p.getDnsServers())).writable()
                .property("DNSSuffix", STRING, StaticIpAddressPool::getDnsSuffix).writable()
                .primitiveCollection("DNSSearchSuffixes", STRING, p -> SeparatedValues.of(p.getDnsSearchSuffixes()))
                .writable()
                .property("EnableNetBIOS", BOOLEAN, StaticIpAddressPool::getEnableNetBios).writable()
                .primitiveCollection("WINSServers", STRING, p -> SeparatedValues.of(p.getWinsServers())).writable()
                .property("IPAddressReservedSet", STRING, StaticIpAddressPool::getReservedSet).writable()
                .property("VIPAddressSet", STRING, StaticIpAddressPool::getVipSet).writable()
                .property("AddressFamily", STRING, p -> "InterNetwork")
                .property("AvailableAddresses", DECIMAL, p -> BigDecimal.valueOf(p.availableAddresses()))
                .property("AvailableDIPAddresses", DECIMAL, p -> BigDecimal.valueOf(p.availableAddresses()))
                .property("AvailableVIPAddresses", DECIMAL, p -> BigDecimal.ZERO)
                .writes(writes.staticIpAddressPools())
                .scope(TenantScope.ownedRows(), pools::findOwned)
                .build();
    }

    /** The subscription's own VM networks, and the provider's networks shared with it. */
    private static TenantScope.Visibility<VmNetwork> ownedOrShared() {
        TenantScope.Visibility<VmNetwork> owned = TenantScope.ownedRows();
        return (subscriptionId, root, query, cb) -> {
            Subquery<Integer> grant = query.subquery(Integer.class);
            Root<VmNetworkGrant> g = grant.from(VmNetworkGrant.class);
            grant.select(cb.literal(1)).where(
                    cb.equal(g.get("key").get("subscriptionId"), subscriptionId),
                    cb.equal(g.get("key").get("vmNetworkId"), root.get("id")),
                    cb.equal(g.get("key").get("stampId"), root.get("stampId")));
            return cb.or(owned.of(subscriptionId, root, query, cb),
                    cb.and(cb.isNull(root.get("subscriptionId")), cb.exists(grant)));
        };
    }
}
