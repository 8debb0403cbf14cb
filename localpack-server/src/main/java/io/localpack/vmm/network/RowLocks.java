package io.localpack.vmm.network;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Row locks (SELECT … FOR UPDATE, on H2 and PostgreSQL alike) that make checks and the writes they allow one
 * transaction at a time, also between instances sharing a database: the subnets of a network are checked for overlaps
 * under the network's lock, a pool hands out an address under its own, a logical network an external address.
 */
@Component
class RowLocks {

    /** The tables locked here; never text from a request. */
    enum Table {
        LOGICAL_NETWORKS("logical_networks"), VM_NETWORKS("vm_networks"), VM_SUBNETS("vm_subnets"),
        STATIC_IP_ADDRESS_POOLS("static_ip_address_pools"), NAT_CONNECTIONS("nat_connections");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    private final JdbcTemplate jdbc;

    RowLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the row until the transaction ends; false when there is no such row. */
    boolean lock(Table table, UUID id, UUID stampId) {
        return !jdbc.queryForList("SELECT id FROM " + table.name + " WHERE id = ? AND stamp_id = ? FOR UPDATE",
                Object.class, id, stampId).isEmpty();
    }
}
