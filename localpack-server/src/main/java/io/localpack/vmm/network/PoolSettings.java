package io.localpack.vmm.network;

import java.util.List;

/**
 * What a create or change of a static IP address pool sets, as the tenant sent it; null members are not sent.
 *
 * @param range the checked range (the request sends start and end as text)
 */
record PoolSettings(String name, String description, Ipv4.Range range, List<String> defaultGateways,
        List<String> dnsServers, String dnsSuffix, List<String> dnsSearchSuffixes, List<String> winsServers,
        Boolean enableNetBios, String reservedSet, String vipSet) {
}
