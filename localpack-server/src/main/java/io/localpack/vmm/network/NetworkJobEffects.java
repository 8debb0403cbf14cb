package io.localpack.vmm.network;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobFailedException;
import io.localpack.vmm.common.VmmKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The changes network jobs make, each in its own transaction. A row gone meanwhile (a reset) is left alone. */
@Service
class NetworkJobEffects {

    /**
     * The job error of a delete the database refuses: something came to use the object after the request was
     * checked. No source shows VMM's number; 99202 is LocalPack's.
     */
    static final int IN_USE = 99202;

    private final VmNetworkRepository networks;
    private final StaticIpAddressPoolRepository pools;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NetworkJobEffects(VmNetworkRepository networks, StaticIpAddressPoolRepository pools, JdbcTemplate jdbc,
            Clock clock) {
        this.networks = networks;
        this.pools = pools;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void update(NetworkObject object, VmmKey key, Map<String, String> parameters) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            switch (object) {
                case VM_NETWORK -> networks.findById(key).ifPresent(n -> n.rename(
                        parameters.get(NetworkJobHandlers.NAME), parameters.get(NetworkJobHandlers.DESCRIPTION), now));
                case STATIC_IP_ADDRESS_POOL -> pools.findById(key).ifPresent(p -> p.apply(
                        NetworkJobHandlers.poolSettings(parameters), now));
                default -> throw new IllegalArgumentException(object + " has no update");
            }
            networks.flush();
        } catch (DataIntegrityViolationException e) {
            throw new JobFailedException(new JobError(IN_USE, TenantNetworks.NAME_TAKEN, "The " + object.displayName()
                    + " could not be changed: another request took its new name or range meanwhile.",
                    "Choose another name or range, and then try again.", "Error", "None", "", true, 409));
        }
    }

    @Transactional
    public void remove(NetworkObject object, VmmKey key) {
        try {
            jdbc.update("DELETE FROM " + object.table() + " WHERE id = ? AND stamp_id = ?", key.getId(),
                    key.getStampId());
        } catch (DataIntegrityViolationException e) {
            throw new JobFailedException(new JobError(IN_USE, TenantNetworks.IN_USE, "The " + object.displayName()
                    + " cannot be removed because other objects use it.", "Remove the objects that use it, and then"
                    + " try again.", "Error", "None", "", true, 409));
        }
    }

    /** Takes away the row of a create whose job failed (the database refuses if something uses it by now). */
    @Transactional
    public void removeCreated(NetworkObject object, VmmKey key) {
        jdbc.update("DELETE FROM " + object.table() + " WHERE id = ? AND stamp_id = ?", key.getId(), key.getStampId());
    }
}
