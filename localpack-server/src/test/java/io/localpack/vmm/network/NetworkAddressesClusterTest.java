package io.localpack.vmm.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.localpack.LocalPackApplication;
import io.localpack.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two LocalPack instances on one database (H2 here, PostgreSQL in the PostgreSQL suite) hand out addresses of one
 * pool at the same time: no address goes to two adapters, no adapter gets two addresses.
 */
class NetworkAddressesClusterTest {

    private static final UUID EAST = Fixtures.EAST_STAMP_ID;
    private static final UUID FABRIKAM = Fixtures.FABRIKAM_ID;
    /** 14_vmm_vm_hardware.sql: two of Fabrikam's machines on the east stamp. */
    private static final UUID BUILD01 = UUID.fromString("7ce516ea-c312-5e84-a8bb-2f49a67d2f0e");
    private static final UUID APP01 = UUID.fromString("12fe7c4c-983a-506e-9c4d-411062355437");

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesAllocatingFromOnePoolNeverHandOutAnAddressTwice() throws Exception {
        String database = "nets_" + UUID.randomUUID().toString().substring(0, 8);
        ConfigurableApplicationContext first = start(database);
        ConfigurableApplicationContext second = start(database);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        UUID network = UUID.randomUUID();
        UUID subnet = UUID.randomUUID();
        UUID pool = UUID.randomUUID();
        jdbc.update("INSERT INTO vm_networks (id, stamp_id, subscription_id, logical_network_id, name, isolation_type)"
                + " VALUES (?, ?, ?, ?, 'Cluster', 'WindowsNetworkVirtualization')", network, EAST, FABRIKAM,
                UUID.fromString(NetworkTestSupport.EAST_TENANT_LOGICAL));
        jdbc.update("INSERT INTO vm_subnets (id, stamp_id, subscription_id, vm_network_id, name, subnet, first_address,"
                + " last_address) VALUES (?, ?, ?, ?, 'Cluster', '10.99.0.0/24', ?, ?)", subnet, EAST, FABRIKAM,
                network, Ipv4.parse("10.99.0.0").getAsLong(), Ipv4.parse("10.99.0.255").getAsLong());
        jdbc.update("INSERT INTO static_ip_address_pools (id, stamp_id, subscription_id, vm_subnet_id, name,"
                + " range_start, range_end, range_first, range_last) VALUES (?, ?, ?, ?, 'Cluster', '10.99.0.10',"
                + " '10.99.0.59', ?, ?)", pool, EAST, FABRIKAM, subnet, Ipv4.parse("10.99.0.10").getAsLong(),
                Ipv4.parse("10.99.0.59").getAsLong());
        for (UUID vm : List.of(BUILD01, APP01)) {
            for (int slot = 1; slot <= 20; slot++) {
                jdbc.update("INSERT INTO virtual_network_adapters (id, stamp_id, subscription_id, vm_id, name, slot_id,"
                        + " vm_network_id, vm_network_name) VALUES (?, ?, ?, ?, ?, ?, ?, 'Cluster')",
                        UUID.randomUUID(), EAST, FABRIKAM, vm, "Cluster " + slot, slot, network);
            }
        }

        // each instance serves another machine (one job per machine, as the engine runs them), both from one pool
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<NetworkAddresses.Assigned>>> runs = new ArrayList<>();
            for (Callable<List<NetworkAddresses.Assigned>> run : List.<Callable<List<NetworkAddresses.Assigned>>>of(
                    () -> first.getBean(NetworkAddresses.class).allocateFor(BUILD01, EAST),
                    () -> second.getBean(NetworkAddresses.class).allocateFor(APP01, EAST))) {
                runs.add(threads.submit(run));
            }
            int handedOut = 0;
            for (Future<List<NetworkAddresses.Assigned>> run : runs) {
                handedOut += run.get().size();
            }
            // Build01's own adapter on Fabrikam VM Network (no address in the fixtures) gets one of that pool too
            assertThat(handedOut).isEqualTo(41);
        } finally {
            threads.shutdownNow();
        }
        List<String> addresses = jdbc.queryForList("SELECT ipv4_addresses FROM virtual_network_adapters"
                + " WHERE vm_network_id = ?", String.class, network);
        assertThat(addresses).hasSize(40).doesNotContainNull();
        assertThat(new HashSet<>(addresses)).hasSize(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ip_address_assignments WHERE pool_id = ?",
                Integer.class, pool)).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT adapter_id) FROM ip_address_assignments"
                + " WHERE pool_id = ?", Integer.class, pool)).isEqualTo(40);
    }

    private ConfigurableApplicationContext start(String database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalPackApplication.class)
                .web(WebApplicationType.NONE).run(
                        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                        "--localpack.test.shared-database=" + database,
                        "--localpack.jobs.poll-interval=20ms",
                        "--localpack.jobs.duration-factor=0");
        instances.add(context);
        return context;
    }
}
