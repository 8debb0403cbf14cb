package io.localpack.vmm.network;

import static io.localpack.vmm.model.Primitives.BOOLEAN;
import static io.localpack.vmm.model.Primitives.DECIMAL;
import static io.localpack.vmm.model.Primitives.GUID;
import static io.localpack.vmm.model.Primitives.INT32;
import static io.localpack.vmm.model.Primitives.INT64;
import static io.localpack.vmm.model.Primitives.STRING;

import io.localpack.vmm.model.EntitySetDeclaration;
import io.localpack.vmm.model.TenantScope;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The NAT chain's entity sets (spec 2.10): {@code VMNetworkGateways}, {@code NATConnections}, {@code NATRules}. */
@Configuration(proxyBeanMethods = false)
public class NatEntitySet {

    /**
     * VMM.VMNetworkGateway (spec 2.10, partial table). SPF serves it by ID or VMNetworkId only; LocalPack also lists
     * the subscription's gateways unfiltered. IPSubnets reads empty: no VPN routes are modelled.
     */
    @Bean
    @Order(84)
    EntitySetDeclaration<VmNetworkGateway> vmNetworkGateways(VmNetworkGatewayRepository gateways,
            NetworkWrites writes) {
        return EntitySetDeclaration.builder("VMNetworkGateways", "VMNetworkGateway", VmNetworkGateway.class)
                .key("ID", VmNetworkGateway::getId).queryable("id")
                .key("StampId", VmNetworkGateway::getStampId).queryable("stampId").writable()
                .property("AutonomousSystemNumber", INT64, VmNetworkGateway::getAutonomousSystemNumber).writable()
                .property("Description", STRING, VmNetworkGateway::getDescription).writable()
                .property("EnableBGP", BOOLEAN, VmNetworkGateway::getEnableBgp).writable()
                .primitiveCollection("IPSubnets", STRING, g -> List.of())
                .property("Name", STRING, VmNetworkGateway::getName).queryable("name").writable()
                .property("RequiresNAT", BOOLEAN, VmNetworkGateway::getRequiresNat).writable()
                .property("RequiresVPN", BOOLEAN, VmNetworkGateway::getRequiresVpn).writable()
                .property("VMNetworkId", GUID, VmNetworkGateway::getVmNetworkId).queryable("vmNetworkId").writable()
                .collectionNavigation("NATConnections", "NATConnections",
                        g -> Map.of("vmNetworkGatewayId", g.getId(), "stampId", g.getStampId()))
                .writes(writes.vmNetworkGateways())
                .scope(TenantScope.ownedRows(), gateways::findOwned)
                .build();
    }

    /** VMM.NATConnection (spec 2.10, complete). Status reads Connected once its job is done [INFER]. */
    @Bean
    @Order(85)
    EntitySetDeclaration<NatConnection> natConnections(NatConnectionRepository connections,
            NetworkWrites writes) {
        return EntitySetDeclaration.builder("NATConnections", "NATConnection", NatConnection.class)
                .key("ID", NatConnection::getId).queryable("id")
                .key("StampId", NatConnection::getStampId).queryable("stampId").writable()
                .property("Description", STRING, NatConnection::getDescription).writable()
                .property("ExternalIPAddress", STRING, NatConnection::getExternalIpAddress)
                .queryable("externalIpAddress")
                .property("MaximumBandwidthInboundKbps", DECIMAL, NatConnection::getMaximumBandwidthInboundKbps)
                .writable()
                .property("MaximumBandwidthOutboundKbps", DECIMAL, NatConnection::getMaximumBandwidthOutboundKbps)
                .writable()
                .property("Name", STRING, NatConnection::getName).queryable("name").writable()
                .property("Status", STRING, c -> "Connected")
                .property("VMNetworkGatewayId", GUID, NatConnection::getVmNetworkGatewayId)
                .queryable("vmNetworkGatewayId").writable()
                .collectionNavigation("Rules", "NATRules",
                        c -> Map.of("natConnectionId", c.getId(), "stampId", c.getStampId()))
                .writes(writes.natConnections())
                .scope(TenantScope.ownedRows(), connections::findOwned)
                .build();
    }

    /** VMM.NATRule (spec 2.10, complete): no PUT. */
    @Bean
    @Order(86)
    EntitySetDeclaration<NatRule> natRules(NatRuleRepository rules, NetworkWrites writes) {
        return EntitySetDeclaration.builder("NATRules", "NATRule", NatRule.class)
                .key("ID", NatRule::getId).queryable("id")
                .key("StampId", NatRule::getStampId).queryable("stampId").writable()
                .property("ExternalIPAddress", STRING, NatRule::getExternalIpAddress).queryable("externalIpAddress")
                .property("ExternalPort", INT32, NatRule::getExternalPort).queryable("externalPort").writable()
                .property("InternalIPAddress", STRING, NatRule::getInternalIpAddress).queryable("internalIpAddress")
                .writable()
                .property("InternalPort", INT32, NatRule::getInternalPort).queryable("internalPort").writable()
                .property("Name", STRING, NatRule::getName).queryable("name").writable()
                .property("NATConnectionId", GUID, NatRule::getNatConnectionId).queryable("natConnectionId")
                .writable()
                .property("Protocol", STRING, NatRule::getProtocol).queryable("protocol").writable()
                .writes(writes.natRules())
                .scope(TenantScope.ownedRows(), rules::findOwned)
                .build();
    }
}
