package io.localpack.vmm.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localpack.vmm.common.VmmRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses, subnets and ranges as numbers, and the next free address a pool hands out. */
class Ipv4Test {

    @Test
    void addressesReadAndWriteBothWays() {
        assertThat(Ipv4.parse("10.0.0.11").getAsLong()).isEqualTo(167772171L);
        assertThat(Ipv4.format(4294967295L)).isEqualTo("255.255.255.255");
        assertThat(Ipv4.format(Ipv4.parse("198.51.100.10").getAsLong())).isEqualTo("198.51.100.10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "10.0.0.010", "a.b.c.d", "10.0.0.1.2", " ", "-1.0.0.0"})
    void notAddressesAreRefused(String text) {
        assertThat(Ipv4.parse(text)).isEmpty();
    }

    @Test
    void aSubnetKnowsItsHostAddresses() {
        Ipv4.Cidr cidr = Ipv4.Cidr.parse("Subnet", "10.0.0.0/24");
        assertThat(cidr.firstHost()).isEqualTo(Ipv4.parse("10.0.0.1").getAsLong());
        assertThat(cidr.lastHost()).isEqualTo(Ipv4.parse("10.0.0.254").getAsLong());
        assertThat(cidr.containsHost(Ipv4.parse("10.0.0.255").getAsLong())).isFalse();
        assertThat(Ipv4.Cidr.parse("Subnet", "128.0.0.0/1").last()).isEqualTo(4294967295L);
        assertThatThrownBy(() -> Ipv4.Cidr.parse("Subnet", "10.0.0.1/24")).isInstanceOf(VmmRequestException.class)
                .hasMessageContaining("10.0.0.0/24");
        assertThatThrownBy(() -> Ipv4.Cidr.parse("Subnet", "10.0.0.0/32")).hasMessageContaining("/32");
    }

    @Test
    void theNextFreeAddressSkipsWhatIsTakenExcludedOrOutsideTheRange() {
        Ipv4.Range range = new Ipv4.Range(10, 20);
        assertThat(NetworkAddresses.nextFree(range, List.of(), List.of()).getAsLong()).isEqualTo(10);
        assertThat(NetworkAddresses.nextFree(range, List.of(new Ipv4.Range(10, 12)), List.of(13L, 15L))
                .getAsLong()).isEqualTo(14);
        assertThat(NetworkAddresses.nextFree(range, List.of(new Ipv4.Range(0, 5), new Ipv4.Range(11, 30)),
                List.of(10L))).isEmpty();
        assertThat(NetworkAddresses.nextFree(range, List.of(new Ipv4.Range(12, 14), new Ipv4.Range(11, 12)),
                List.of(10L)).getAsLong()).isEqualTo(15);
    }

    @Test
    void reservedSetsAreAddressesAndRanges() {
        assertThat(Ipv4.Range.parseSet("IPAddressReservedSet", "10.0.0.20-10.0.0.29, 10.0.0.40"))
                .containsExactly(new Ipv4.Range(167772180, 167772189), new Ipv4.Range(167772200, 167772200));
        assertThatThrownBy(() -> Ipv4.Range.parseSet("IPAddressReservedSet", "10.0.0.9-10.0.0.3"))
                .hasMessageContaining("ends before it starts");
    }
}
