package io.localpack.vmm.network;

import io.localpack.vmm.common.VmmRequestException;
import io.localpack.vmm.model.WritableEntitySet;
import io.localpack.vmm.odata.EntityReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.apache.olingo.commons.api.data.Entity;
import org.springframework.stereotype.Component;

/**
 * Tenants' writes to the network entity sets: request bodies read into {@link TenantNetworks} and
 * {@link NetworkAddressTranslation} requests. Members not read here (read-only ones clients send back, nulls) are
 * ignored. Sets without a PUT in SPF answer 405 to one.
 */
public final class NetworkWrites {

    private NetworkWrites() {
    }

    /** POST {Name, Description, LogicalNetworkId, StampId}; PUT/MERGE Name and Description; DELETE. */
    @Component
    public static class VmNetworks implements WritableEntitySet {
        private final TenantNetworks networks;

        VmNetworks(TenantNetworks networks) {
            this.networks = networks;
        }

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            return outcome(networks.createVmNetwork(subscriptionId, in.guid("StampId"), in.guid("LogicalNetworkId"),
                    in.string("Name"), in.string("Description"), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            return outcome(networks.updateVmNetwork(subscriptionId, id, stampId, in.string("Name"),
                    in.string("Description"), principal));
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(networks.deleteVmNetwork(subscriptionId, id, stampId, principal));
        }
    }

    /** POST {StampId, Name, Subnet, VMNetworkId}; DELETE. No PUT (spec 2.9). */
    @Component
    public static class VmSubnets implements WritableEntitySet {
        private final TenantNetworks networks;

        VmSubnets(TenantNetworks networks) {
            this.networks = networks;
        }

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            return outcome(networks.createSubnet(subscriptionId, in.guid("StampId"), in.guid("VMNetworkId"),
                    in.string("Name"), in.string("Subnet"), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            throw noUpdate("VMSubnets");
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(networks.deleteSubnet(subscriptionId, id, stampId, principal));
        }
    }

    /** POST {StampId, Name, Subnet, VMSubnetId, range, gateways, DNS…}; PUT (WTPA's partial body); DELETE. */
    @Component
    public static class StaticIpAddressPools implements WritableEntitySet {
        private final TenantNetworks networks;

        StaticIpAddressPools(TenantNetworks networks) {
            this.networks = networks;
        }

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            return outcome(networks.createPool(subscriptionId, in.guid("StampId"), in.guid("VMSubnetId"),
                    request(in), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            return outcome(networks.updatePool(subscriptionId, id, stampId, request(EntityReader.of(body)),
                    principal));
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(networks.deletePool(subscriptionId, id, stampId, principal));
        }

        /** Collections clients send as [] mean "none"; on a PUT an empty list clears, an absent one keeps. */
        private static TenantNetworks.PoolRequest request(EntityReader in) {
            return new TenantNetworks.PoolRequest(in.string("Name"), in.string("Description"), in.string("Subnet"),
                    in.string("IPAddressRangeStart"), in.string("IPAddressRangeEnd"),
                    strings(in, "DefaultGatewayIPAddresses"), strings(in, "DNSServers"), in.string("DNSSuffix"),
                    strings(in, "DNSSearchSuffixes"), strings(in, "WINSServers"), in.bool("EnableNetBIOS"),
                    in.string("IPAddressReservedSet"), in.string("VIPAddressSet"));
        }
    }

    /** POST {StampId, VMNetworkId, Name, …}; DELETE. */
    @Component
    public static class VmNetworkGateways implements WritableEntitySet {
        private final NetworkAddressTranslation nat;

        VmNetworkGateways(NetworkAddressTranslation nat) {
            this.nat = nat;
        }

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            Object asn = in.value("AutonomousSystemNumber");
            return outcome(nat.createGateway(subscriptionId, in.guid("StampId"), in.guid("VMNetworkId"),
                    in.string("Name"), in.string("Description"), in.bool("RequiresNAT"), in.bool("RequiresVPN"),
                    in.bool("EnableBGP"), asn == null ? null : ((Number) asn).longValue(), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            throw noUpdate("VMNetworkGateways");
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(nat.deleteGateway(subscriptionId, id, stampId, principal));
        }
    }

    /** POST {StampId, VMNetworkGatewayId, Name, …}; DELETE. */
    @Component
    public static class NatConnections implements WritableEntitySet {
        private final NetworkAddressTranslation nat;

        NatConnections(NetworkAddressTranslation nat) {
            this.nat = nat;
        }

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            return outcome(nat.createNatConnection(subscriptionId, in.guid("StampId"), in.guid("VMNetworkGatewayId"),
                    in.string("Name"), in.string("Description"), decimal(in.value("MaximumBandwidthInboundKbps")),
                    decimal(in.value("MaximumBandwidthOutboundKbps")), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            throw noUpdate("NATConnections");
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(nat.deleteNatConnection(subscriptionId, id, stampId, principal));
        }
    }

    /** POST {StampId, NATConnectionId, Name, Protocol, ExternalPort, InternalIPAddress, InternalPort}; DELETE. */
    @Component
    public static class NatRules implements WritableEntitySet {
        private final NetworkAddressTranslation nat;

        NatRules(NetworkAddressTranslation nat) {
            this.nat = nat;
        }

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            EntityReader in = EntityReader.of(body);
            return outcome(nat.createNatRule(subscriptionId, in.guid("StampId"), in.guid("NATConnectionId"),
                    in.string("Name"), in.string("Protocol"), integer(in.value("ExternalPort")),
                    in.string("InternalIPAddress"), integer(in.value("InternalPort")), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            throw noUpdate("NATRules");
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(nat.deleteNatRule(subscriptionId, id, stampId, principal));
        }
    }

    private static List<String> strings(EntityReader in, String member) {
        Object value = in.value(member);
        return value == null ? null : ((List<?>) value).stream().filter(v -> v != null).map(String::valueOf)
                .toList();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static VmmRequestException noUpdate(String set) {
        return VmmRequestException.notAllowed(set + " cannot be updated; delete and create instead");
    }

    private static WritableEntitySet.WriteOutcome outcome(NetworkJobs.Ticket ticket) {
        return new WritableEntitySet.WriteOutcome(ticket.object(), ticket.jobId());
    }
}
