package io.localpack.vmm.network;

import static io.localpack.testsupport.Fixtures.CONTOSO;
import static io.localpack.testsupport.Fixtures.EAST_STAMP;
import static io.localpack.testsupport.Fixtures.FABRIKAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad networks, subnets, ranges and rules: each is refused with the status and code given, a message naming what
 * was wrong, and no change to any network table, adapter, machine or job.
 */
class NetworkBadInputTest extends NetworkTestSupport {

    private static final String E = EAST_STAMP;
    private static final String TENANT = EAST_TENANT_LOGICAL;
    private static final String NET = FABRIKAM_NETWORK;
    private static final String SUBNET = FABRIKAM_SUBNET;
    private static final String NAT = FABRIKAM_NAT;
    private static final String NONE = "11111111-2222-3333-4444-555555555555";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // VMNetworks
        "network without Name|F|POST|VMNetworks|{\"LogicalNetworkId\":\"" + TENANT + "\",\"StampId\":\"" + E + "\"}|400|BadRequest|Name",
        "network without LogicalNetworkId|F|POST|VMNetworks|{\"Name\":\"n\",\"StampId\":\"" + E + "\"}|400|BadRequest|LogicalNetworkId",
        "network without StampId|F|POST|VMNetworks|{\"Name\":\"n\",\"LogicalNetworkId\":\"" + TENANT + "\"}|400|BadRequest|StampId",
        "network on an unknown logical network|F|POST|VMNetworks|{\"Name\":\"n\",\"LogicalNetworkId\":\"" + NONE + "\",\"StampId\":\"" + E + "\"}|400|BadRequest|LogicalNetworkId",
        "network on a logical network not granted|C|POST|VMNetworks|{\"Name\":\"n\",\"LogicalNetworkId\":\"" + EAST_EXTERNAL_LOGICAL + "\",\"StampId\":\"" + E + "\"}|400|BadRequest|LogicalNetworkId",
        "network without network virtualization|F|POST|VMNetworks|{\"Name\":\"n\",\"LogicalNetworkId\":\"" + EAST_EXTERNAL_LOGICAL + "\",\"StampId\":\"" + E + "\"}|400|BadRequest|network virtualization",
        "network named like another|F|POST|VMNetworks|{\"Name\":\"Fabrikam VM Network\",\"LogicalNetworkId\":\"" + TENANT + "\",\"StampId\":\"" + E + "\"}|409|NameInUse|Fabrikam VM Network",
        "network with a StampId that is no GUID|F|POST|VMNetworks|{\"Name\":\"n\",\"LogicalNetworkId\":\"" + TENANT + "\",\"StampId\":\"east\"}|400||",
        "network renamed to blank|F|PUT|VMNetworks(ID=guid'" + NET + "',StampId=guid'" + E + "')|{\"Name\":\"  \"}|400|BadRequest|Name",
        "another tenant's network renamed|C|PUT|VMNetworks(ID=guid'" + NET + "',StampId=guid'" + E + "')|{\"Name\":\"mine\"}|404|NotFound|VMNetwork",
        // VMSubnets
        "subnet without Subnet|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|Subnet",
        "subnet not in CIDR form|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.5.0.0\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|CIDR",
        "subnet with an octet over 255|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.5.0.256/24\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|IPv4",
        "subnet of /31|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.5.0.0/31\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|/31",
        "subnet with host bits|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.5.0.1/24\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|10.5.0.0/24",
        "subnet overlapping the network's|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.0.0.128/25\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|overlaps subnet 10.0.0.0/24",
        "subnet in the provider's network|F|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.5.0.0/24\",\"VMNetworkId\":\"" + EXTERNAL_NETWORK + "\"}|400|BadRequest|VMNetworkId",
        "subnet in another tenant's network|C|POST|VMSubnets|{\"StampId\":\"" + E + "\",\"Name\":\"s\",\"Subnet\":\"10.5.0.0/24\",\"VMNetworkId\":\"" + NET + "\"}|400|BadRequest|VMNetworkId",
        "subnet changed|F|PUT|VMSubnets(ID=guid'" + SUBNET + "',StampId=guid'" + E + "')|{\"Name\":\"x\"}|405|MethodNotAllowed|VMSubnets",
        // StaticIPAddressPools
        "pool without VMSubnetId|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\"}|400|BadRequest|VMSubnetId",
        "pool in an unknown subnet|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + NONE + "\"}|400|BadRequest|VMSubnetId",
        "pool naming another subnet|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"Subnet\":\"10.9.0.0/24\",\"VMSubnetId\":\"" + SUBNET + "\"}|400|BadRequest|is not the subnet",
        "pool starting outside the subnet|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.1.5\",\"IPAddressRangeEnd\":\"10.0.0.9\"}|400|BadRequest|IPAddressRangeStart",
        "pool ending on the broadcast address|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.0.251\",\"IPAddressRangeEnd\":\"10.0.0.255\"}|400|BadRequest|IPAddressRangeEnd",
        "pool ending before it starts|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.0.9\",\"IPAddressRangeEnd\":\"10.0.0.3\"}|400|BadRequest|comes before",
        "pool overlapping the subnet's pool|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.0.3\",\"IPAddressRangeEnd\":\"10.0.0.20\"}|400|BadRequest|overlaps pool 'Fabrikam Pool'",
        "pool with a DNS server that is no address|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.0.3\",\"IPAddressRangeEnd\":\"10.0.0.9\",\"DNSServers\":[\"dns.example\"]}|400|BadRequest|DNSServers",
        "pool with a gateway outside the subnet|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.0.3\",\"IPAddressRangeEnd\":\"10.0.0.9\",\"DefaultGatewayIPAddresses\":[\"10.1.0.1\"]}|400|BadRequest|DefaultGatewayIPAddresses",
        "pool with a broken reserved set|F|POST|StaticIPAddressPools|{\"StampId\":\"" + E + "\",\"Name\":\"p\",\"VMSubnetId\":\"" + SUBNET + "\",\"IPAddressRangeStart\":\"10.0.0.3\",\"IPAddressRangeEnd\":\"10.0.0.9\",\"IPAddressReservedSet\":\"10.0.0.4-\"}|400|BadRequest|IPAddressReservedSet",
        "pool range narrowed past its addresses|F|PUT|StaticIPAddressPools(ID=guid'" + FABRIKAM_POOL + "',StampId=guid'" + E + "')|{\"IPAddressRangeStart\":\"10.0.0.14\"}|409|ObjectInUse|handed out",
        // NAT
        "gateway with an AS number too big|F|POST|VMNetworkGateways|{\"StampId\":\"" + E + "\",\"VMNetworkId\":\"" + NET + "\",\"Name\":\"g\",\"AutonomousSystemNumber\":70000}|400|BadRequest|AutonomousSystemNumber",
        "second gateway of a network|F|POST|VMNetworkGateways|{\"StampId\":\"" + E + "\",\"VMNetworkId\":\"" + NET + "\",\"Name\":\"g\"}|409|NameInUse|already has",
        "second NAT connection of a gateway|F|POST|NATConnections|{\"StampId\":\"" + E + "\",\"VMNetworkGatewayId\":\"" + FABRIKAM_GATEWAY + "\",\"Name\":\"c\"}|409|NameInUse|already has",
        "rule on port 0|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"ExternalPort\":0,\"InternalIPAddress\":\"10.0.0.11\",\"InternalPort\":80}|400|BadRequest|ExternalPort",
        "rule on port 70000|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"ExternalPort\":80,\"InternalIPAddress\":\"10.0.0.11\",\"InternalPort\":70000}|400|BadRequest|InternalPort",
        "rule for ICMP|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"Protocol\":\"ICMP\",\"ExternalPort\":80,\"InternalIPAddress\":\"10.0.0.11\",\"InternalPort\":80}|400|BadRequest|Protocol",
        "rule to an address outside the network|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"ExternalPort\":80,\"InternalIPAddress\":\"192.168.1.4\",\"InternalPort\":80}|400|BadRequest|InternalIPAddress",
        "rule to no address|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"ExternalPort\":80,\"InternalIPAddress\":\"app01\",\"InternalPort\":80}|400|BadRequest|InternalIPAddress",
        "rule without InternalPort|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"ExternalPort\":80,\"InternalIPAddress\":\"10.0.0.11\"}|400|BadRequest|InternalPort",
        "rule on a taken port|F|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"Protocol\":\"tcp\",\"ExternalPort\":3389,\"InternalIPAddress\":\"10.0.0.13\",\"InternalPort\":3389}|409|ExternalPortInUse|3389",
        "rule on another tenant's connection|C|POST|NATRules|{\"StampId\":\"" + E + "\",\"NATConnectionId\":\"" + NAT + "\",\"Name\":\"r\",\"ExternalPort\":81,\"InternalIPAddress\":\"10.0.0.11\",\"InternalPort\":80}|400|BadRequest|NATConnectionId",
        "another tenant's rule deleted|C|DELETE|NATRules(ID=guid'" + FABRIKAM_RULE + "',StampId=guid'" + E + "')||404|NotFound|NATRule",
        // machines joining networks
        "machine on an unknown network|F|POST|VirtualMachines|{\"StampId\":\"" + E + "\",\"CloudId\":\"3a9e6c52-8f1b-4d7e-b0a4-5c2d9e1f7a30\",\"Name\":\"m\",\"VMTemplateId\":\"b33fac58-7bb9-5e6e-99c3-4c671ccfd33f\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkName\":\"Nowhere\"}]}|400|BadRequest|VMNetworkName",
        "machine on another tenant's network|C|POST|VirtualMachines|{\"StampId\":\"" + E + "\",\"CloudId\":\"9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b\",\"Name\":\"m\",\"VMTemplateId\":\"e223ba59-90af-5d7c-a9f5-340f3a28c597\",\"NewVirtualNetworkAdapterInput\":[{\"VMNetworkId\":\"" + NET + "\"}]}|400|BadRequest|VMNetworkId",
    })
    void isRefusedAndChangesNothing(String label, String tenant, String method, String path, String body, int status,
            String code, String named) {
        List<String> before = networkState();
        String subscription = tenant.equals("C") ? CONTOSO : FABRIKAM;
        Response response = send(method, vmm(subscription) + "/" + path, body == null ? null : body,
                "Accept", JSON_ACCEPT);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(errorCode(response)).isEqualTo(code);
        }
        if (named != null) {
            assertThat(errorMessage(response)).contains(named);
        }
        // and in V3, as SPF's clients send it
        Response v3 = send(method, vmm(subscription) + "/" + path, body == null ? null : body, v3("Accept",
                JSON_ACCEPT));
        assertThat(v3.status()).as(v3.body()).isEqualTo(status);
        assertThat(networkState()).isEqualTo(before);
    }
}
