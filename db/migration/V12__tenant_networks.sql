-- Tenant networks (docs/networks.md): logical networks of the fabric granted to subscriptions, the tenants' VM
-- networks with their subnets and static IP address pools, the addresses the pools hand to VM adapters, and NAT
-- (gateways, NAT connections, NAT rules). IPv4 addresses are kept as text (the wire form) and as a BIGINT (the
-- address as a number) so that ranges, overlaps and "the next free address" are plain SQL comparisons.

-- The fabric's logical networks (admin-made, shared by every tenant it is granted to). A NAT connection takes its
-- external address from the logical network's external range [INFER: VMM takes it from the gateway's front-end pool].
CREATE TABLE logical_networks (
    id                              UUID          NOT NULL,
    stamp_id                        UUID          NOT NULL REFERENCES stamps (id),
    name                            VARCHAR(256)  NOT NULL,
    description                     VARCHAR(4000),
    network_virtualization_enabled  BOOLEAN       DEFAULT FALSE NOT NULL,
    external_range_start            VARCHAR(45),
    external_range_end              VARCHAR(45),
    external_first                  BIGINT,
    external_last                   BIGINT,
    added_time                      TIMESTAMP WITH TIME ZONE,
    modified_time                   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id)
);

CREATE TABLE subscription_logical_networks (
    subscription_id     UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    logical_network_id  UUID NOT NULL,
    stamp_id            UUID NOT NULL,
    PRIMARY KEY (subscription_id, logical_network_id, stamp_id),
    FOREIGN KEY (logical_network_id, stamp_id) REFERENCES logical_networks (id, stamp_id) ON DELETE CASCADE
);

-- VM networks: a tenant's own (subscription_id set), or the provider's (subscription_id null), which tenants see
-- through subscription_vm_networks and cannot change.
CREATE TABLE vm_networks (
    id                  UUID          NOT NULL,
    stamp_id            UUID          NOT NULL REFERENCES stamps (id),
    subscription_id     UUID          REFERENCES subscriptions (id),
    logical_network_id  UUID          NOT NULL,
    name                VARCHAR(256)  NOT NULL,
    description         VARCHAR(4000),
    isolation_type      VARCHAR(32)   NOT NULL,               -- WindowsNetworkVirtualization | NoIsolation
    owner_user_name     VARCHAR(256),
    owner_role_name     VARCHAR(512),
    owner_role_id       UUID,
    added_time          TIMESTAMP WITH TIME ZONE,
    modified_time       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (logical_network_id, stamp_id) REFERENCES logical_networks (id, stamp_id)
);
-- one name per tenant and stamp: VM creates name the network they join (VMNetworkName)
CREATE UNIQUE INDEX vm_networks_by_name ON vm_networks (subscription_id, stamp_id, name);

CREATE TABLE subscription_vm_networks (
    subscription_id UUID NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    vm_network_id   UUID NOT NULL,
    stamp_id        UUID NOT NULL,
    PRIMARY KEY (subscription_id, vm_network_id, stamp_id),
    FOREIGN KEY (vm_network_id, stamp_id) REFERENCES vm_networks (id, stamp_id) ON DELETE CASCADE
);

-- An adapter joins a VM network that exists: a network cannot be deleted while machines use it.
ALTER TABLE virtual_network_adapters ADD CONSTRAINT virtual_network_adapters_vm_network
    FOREIGN KEY (vm_network_id, stamp_id) REFERENCES vm_networks (id, stamp_id);

CREATE TABLE vm_subnets (
    id                  UUID          NOT NULL,
    stamp_id            UUID          NOT NULL REFERENCES stamps (id),
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id),
    vm_network_id       UUID          NOT NULL,
    name                VARCHAR(256)  NOT NULL,
    subnet              VARCHAR(64)   NOT NULL,               -- CIDR, e.g. 10.0.0.0/24
    first_address       BIGINT        NOT NULL,               -- the subnet's network address
    last_address        BIGINT        NOT NULL,               -- its broadcast address
    added_time          TIMESTAMP WITH TIME ZONE,
    modified_time       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_network_id, stamp_id) REFERENCES vm_networks (id, stamp_id)
);
CREATE INDEX vm_subnets_by_network ON vm_subnets (vm_network_id, stamp_id);

ALTER TABLE virtual_network_adapters ADD CONSTRAINT virtual_network_adapters_vm_subnet
    FOREIGN KEY (vm_subnet_id, stamp_id) REFERENCES vm_subnets (id, stamp_id);

CREATE TABLE static_ip_address_pools (
    id                  UUID          NOT NULL,
    stamp_id            UUID          NOT NULL REFERENCES stamps (id),
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id),
    vm_subnet_id        UUID          NOT NULL,
    name                VARCHAR(256)  NOT NULL,
    description         VARCHAR(4000),
    range_start         VARCHAR(45)   NOT NULL,
    range_end           VARCHAR(45)   NOT NULL,
    range_first         BIGINT        NOT NULL,
    range_last          BIGINT        NOT NULL,
    default_gateways    VARCHAR(1024),                         -- each separated by ';'
    dns_servers         VARCHAR(1024),
    dns_suffix          VARCHAR(256),
    dns_search_suffixes VARCHAR(1024),
    wins_servers        VARCHAR(1024),
    enable_netbios      BOOLEAN       DEFAULT FALSE NOT NULL,
    reserved_set        VARCHAR(1024),                         -- IPAddressReservedSet as sent: 'a-b,c'
    vip_set             VARCHAR(1024),
    added_time          TIMESTAMP WITH TIME ZONE,
    modified_time       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    FOREIGN KEY (vm_subnet_id, stamp_id) REFERENCES vm_subnets (id, stamp_id)
);
CREATE INDEX static_ip_address_pools_by_subnet ON static_ip_address_pools (vm_subnet_id, stamp_id);

-- The addresses pools have handed out, one row each: the keys make two adapters sharing an address, or one adapter
-- holding two, impossible, whichever instance allocates. Deleting the adapter (with its VM) releases the address; a pool with
-- rows here cannot be deleted.
CREATE TABLE ip_address_assignments (
    pool_id             UUID          NOT NULL,
    stamp_id            UUID          NOT NULL,
    address_value       BIGINT        NOT NULL,
    address             VARCHAR(45)   NOT NULL,
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id),
    vm_id               UUID          NOT NULL,
    adapter_id          UUID          NOT NULL,
    assigned_time       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (pool_id, stamp_id, address_value),
    UNIQUE (adapter_id, stamp_id),                             -- and an adapter holds one pool address
    FOREIGN KEY (pool_id, stamp_id) REFERENCES static_ip_address_pools (id, stamp_id),
    FOREIGN KEY (adapter_id, stamp_id) REFERENCES virtual_network_adapters (id, stamp_id) ON DELETE CASCADE
);
CREATE INDEX ip_address_assignments_by_vm ON ip_address_assignments (vm_id, stamp_id);

CREATE TABLE vm_network_gateways (
    id                          UUID          NOT NULL,
    stamp_id                    UUID          NOT NULL REFERENCES stamps (id),
    subscription_id             UUID          NOT NULL REFERENCES subscriptions (id),
    vm_network_id               UUID          NOT NULL,
    name                        VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    requires_nat                BOOLEAN       DEFAULT TRUE NOT NULL,
    requires_vpn                BOOLEAN       DEFAULT FALSE NOT NULL,
    enable_bgp                  BOOLEAN       DEFAULT FALSE NOT NULL,
    autonomous_system_number    BIGINT,
    added_time                  TIMESTAMP WITH TIME ZONE,
    modified_time               TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    UNIQUE (vm_network_id, stamp_id),                          -- one gateway per VM network
    FOREIGN KEY (vm_network_id, stamp_id) REFERENCES vm_networks (id, stamp_id)
);

CREATE TABLE nat_connections (
    id                              UUID          NOT NULL,
    stamp_id                        UUID          NOT NULL REFERENCES stamps (id),
    subscription_id                 UUID          NOT NULL REFERENCES subscriptions (id),
    vm_network_gateway_id           UUID          NOT NULL,
    name                            VARCHAR(256)  NOT NULL,
    description                     VARCHAR(4000),
    external_ip_address             VARCHAR(45)   NOT NULL,
    external_address_value          BIGINT        NOT NULL,
    logical_network_id              UUID          NOT NULL,    -- whose external range the address comes from
    maximum_bandwidth_inbound_kbps  DECIMAL(20, 0),
    maximum_bandwidth_outbound_kbps DECIMAL(20, 0),
    added_time                      TIMESTAMP WITH TIME ZONE,
    modified_time                   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    UNIQUE (vm_network_gateway_id, stamp_id),                  -- one NAT connection per gateway
    UNIQUE (logical_network_id, stamp_id, external_address_value), -- an external address serves one connection
    FOREIGN KEY (vm_network_gateway_id, stamp_id) REFERENCES vm_network_gateways (id, stamp_id)
);

CREATE TABLE nat_rules (
    id                  UUID          NOT NULL,
    stamp_id            UUID          NOT NULL REFERENCES stamps (id),
    subscription_id     UUID          NOT NULL REFERENCES subscriptions (id),
    nat_connection_id   UUID          NOT NULL,
    name                VARCHAR(256)  NOT NULL,
    protocol            VARCHAR(8)    NOT NULL,                -- TCP | UDP
    external_port       INTEGER       NOT NULL,
    internal_ip_address VARCHAR(45)   NOT NULL,
    internal_port       INTEGER       NOT NULL,
    external_ip_address VARCHAR(45)   NOT NULL,                -- the connection's, kept with the rule as VMM shows it
    added_time          TIMESTAMP WITH TIME ZONE,
    modified_time       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id, stamp_id),
    UNIQUE (nat_connection_id, stamp_id, protocol, external_port), -- an external port forwards to one place
    FOREIGN KEY (nat_connection_id, stamp_id) REFERENCES nat_connections (id, stamp_id)
);
