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
 * {@link NetworkAddressTranslation} requests, one line per set and verb. Members not read here (read-only ones
 * clients send back, nulls) are ignored. Sets without a PUT in SPF answer 405 to one.
 */
@Component
public class NetworkWrites {

    private final TenantNetworks networks;
    private final NetworkAddressTranslation nat;

    NetworkWrites(TenantNetworks networks, NetworkAddressTranslation nat) {
        this.networks = networks;
        this.nat = nat;
    }

    /** POST {Name, Description, LogicalNetworkId, StampId}; PUT/MERGE Name and Description; DELETE. */
    WritableEntitySet vmNetworks() {
        return new SetWrites("VMNetworks",
                (sub, in, who) -> networks.createVmNetwork(sub, in.guid("StampId"), in.guid("LogicalNetworkId"),
                        in.string("Name"), in.string("Description"), who),
                (sub, id, stamp, in, who) -> networks.updateVmNetwork(sub, id, stamp, in.string("Name"),
                        in.string("Description"), who),
                networks::deleteVmNetwork);
    }

    /** POST {StampId, Name, Subnet, VMNetworkId}; DELETE. No PUT (spec 2.9). */
    WritableEntitySet vmSubnets() {
        return new SetWrites("VMSubnets",
                (sub, in, who) -> networks.createSubnet(sub, in.guid("StampId"), in.guid("VMNetworkId"),
                        in.string("Name"), in.string("Subnet"), who),
                null, networks::deleteSubnet);
    }

    /** POST {StampId, Name, Subnet, VMSubnetId, range, gateways, DNS…}; PUT (WTPA's partial body); DELETE. */
    WritableEntitySet staticIpAddressPools() {
        return new SetWrites("StaticIPAddressPools",
                (sub, in, who) -> networks.createPool(sub, in.guid("StampId"), in.guid("VMSubnetId"), pool(in), who),
                (sub, id, stamp, in, who) -> networks.updatePool(sub, id, stamp, pool(in), who),
                networks::deletePool);
    }

    /** POST {StampId, VMNetworkId, Name, …}; DELETE. */
    WritableEntitySet vmNetworkGateways() {
        return new SetWrites("VMNetworkGateways",
                (sub, in, who) -> {
                    Object asn = in.value("AutonomousSystemNumber");
                    return nat.createGateway(sub, in.guid("StampId"), in.guid("VMNetworkId"), in.string("Name"),
                            in.string("Description"), in.bool("RequiresNAT"), in.bool("RequiresVPN"),
                            in.bool("EnableBGP"), asn == null ? null : ((Number) asn).longValue(), who);
                },
                null, nat::deleteGateway);
    }

    /** POST {StampId, VMNetworkGatewayId, Name, …}; DELETE. */
    WritableEntitySet natConnections() {
        return new SetWrites("NATConnections",
                (sub, in, who) -> nat.createNatConnection(sub, in.guid("StampId"), in.guid("VMNetworkGatewayId"),
                        in.string("Name"), in.string("Description"), decimal(in.value("MaximumBandwidthInboundKbps")),
                        decimal(in.value("MaximumBandwidthOutboundKbps")), who),
                null, nat::deleteNatConnection);
    }

    /** POST {StampId, NATConnectionId, Name, Protocol, ExternalPort, InternalIPAddress, InternalPort}; DELETE. */
    WritableEntitySet natRules() {
        return new SetWrites("NATRules",
                (sub, in, who) -> nat.createNatRule(sub, in.guid("StampId"), in.guid("NATConnectionId"),
                        in.string("Name"), in.string("Protocol"), integer(in.value("ExternalPort")),
                        in.string("InternalIPAddress"), integer(in.value("InternalPort")), who),
                null, nat::deleteNatRule);
    }

    interface Create {
        NetworkJobs.Ticket apply(UUID subscriptionId, EntityReader body, String principal);
    }

    interface Update {
        NetworkJobs.Ticket apply(UUID subscriptionId, UUID id, UUID stampId, EntityReader body, String principal);
    }

    interface Delete {
        NetworkJobs.Ticket apply(UUID subscriptionId, UUID id, UUID stampId, String principal);
    }

    /** One set's three verbs; a null update means the set has no PUT/MERGE. */
    private record SetWrites(String set, Create create, Update update, Delete delete) implements WritableEntitySet {

        @Override
        public WriteOutcome create(UUID subscriptionId, Entity body, String principal) {
            return outcome(create.apply(subscriptionId, EntityReader.of(body), principal));
        }

        @Override
        public WriteOutcome update(UUID subscriptionId, UUID id, UUID stampId, Entity body, String principal) {
            if (update == null) {
                throw VmmRequestException.notAllowed(set + " cannot be updated; delete and create instead");
            }
            return outcome(update.apply(subscriptionId, id, stampId, EntityReader.of(body), principal));
        }

        @Override
        public WriteOutcome delete(UUID subscriptionId, UUID id, UUID stampId, String principal) {
            return outcome(delete.apply(subscriptionId, id, stampId, principal));
        }

        private static WriteOutcome outcome(NetworkJobs.Ticket ticket) {
            return new WriteOutcome(ticket.object(), ticket.jobId());
        }
    }

    /** Collections clients send as [] mean "none"; on a PUT an empty list clears, an absent one keeps. */
    private static TenantNetworks.PoolRequest pool(EntityReader in) {
        return new TenantNetworks.PoolRequest(in.string("Name"), in.string("Description"), in.string("Subnet"),
                in.string("IPAddressRangeStart"), in.string("IPAddressRangeEnd"),
                strings(in, "DefaultGatewayIPAddresses"), strings(in, "DNSServers"), in.string("DNSSuffix"),
                strings(in, "DNSSearchSuffixes"), strings(in, "WINSServers"), in.bool("EnableNetBIOS"),
                in.string("IPAddressReservedSet"), in.string("VIPAddressSet"));
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
}
