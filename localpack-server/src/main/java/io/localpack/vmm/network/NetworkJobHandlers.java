package io.localpack.vmm.network;

import io.localpack.jobs.JobError;
import io.localpack.jobs.JobExecution;
import io.localpack.jobs.JobHandler;
import io.localpack.jobs.JobHandlerGroup;
import io.localpack.vmm.common.VmmKey;
import io.localpack.vmm.network.NetworkObject.Action;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jobs of network writes (kinds {@code vmm.network.*}, docs/networks.md): a create's job confirms the row the
 * request wrote (and takes it away when it fails), an update's job applies the changes it carries, a delete's job
 * removes the row. One step each, paced by the kind's timing; fault rules fail them like any job.
 */
@Configuration
class NetworkJobHandlers {

    /** Job parameters of updates: the members sent, as text; a member not sent has no parameter. */
    static final String NAME = "Name";
    static final String DESCRIPTION = "Description";
    static final String RANGE_FIRST = "RangeFirst";
    static final String RANGE_LAST = "RangeLast";
    static final String DEFAULT_GATEWAYS = "DefaultGatewayIPAddresses";
    static final String DNS_SERVERS = "DNSServers";
    static final String DNS_SUFFIX = "DNSSuffix";
    static final String DNS_SEARCH_SUFFIXES = "DNSSearchSuffixes";
    static final String WINS_SERVERS = "WINSServers";
    static final String ENABLE_NETBIOS = "EnableNetBIOS";
    static final String RESERVED_SET = "IPAddressReservedSet";
    static final String VIP_SET = "VIPAddressSet";

    @Bean
    JobHandlerGroup networkObjectJobs(NetworkJobEffects effects) {
        return () -> {
            List<JobHandler> handlers = new ArrayList<>();
            for (NetworkObject object : NetworkObject.values()) {
                for (Action action : Action.values()) {
                    if (action != Action.UPDATE || object.updatable()) {
                        handlers.add(new NetworkJob(object, action, effects));
                    }
                }
            }
            return handlers;
        };
    }

    /** A pool change as job parameters. */
    static Map<String, String> poolParameters(PoolSettings s) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, NAME, s.name());
        put(p, DESCRIPTION, s.description());
        if (s.range() != null) {
            p.put(RANGE_FIRST, Long.toString(s.range().first()));
            p.put(RANGE_LAST, Long.toString(s.range().last()));
        }
        put(p, DEFAULT_GATEWAYS, join(s.defaultGateways()));
        put(p, DNS_SERVERS, join(s.dnsServers()));
        put(p, DNS_SUFFIX, s.dnsSuffix());
        put(p, DNS_SEARCH_SUFFIXES, join(s.dnsSearchSuffixes()));
        put(p, WINS_SERVERS, join(s.winsServers()));
        put(p, ENABLE_NETBIOS, s.enableNetBios() == null ? null : s.enableNetBios().toString());
        put(p, RESERVED_SET, s.reservedSet());
        put(p, VIP_SET, s.vipSet());
        return p;
    }

    /** The pool change a job's parameters carry. */
    static PoolSettings poolSettings(Map<String, String> p) {
        return new PoolSettings(p.get(NAME), p.get(DESCRIPTION), p.containsKey(RANGE_FIRST)
                ? new Ipv4.Range(Long.parseLong(p.get(RANGE_FIRST)), Long.parseLong(p.get(RANGE_LAST))) : null,
                split(p.get(DEFAULT_GATEWAYS)), split(p.get(DNS_SERVERS)), p.get(DNS_SUFFIX),
                split(p.get(DNS_SEARCH_SUFFIXES)), split(p.get(WINS_SERVERS)),
                p.containsKey(ENABLE_NETBIOS) ? Boolean.valueOf(p.get(ENABLE_NETBIOS)) : null, p.get(RESERVED_SET),
                p.get(VIP_SET));
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    private static String join(List<String> values) {
        return values == null ? null : String.join(";", values);
    }

    private static List<String> split(String joined) {
        return joined == null ? null : joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }

    /** The job of one action on one kind of network object. */
    static final class NetworkJob implements JobHandler {
        private final NetworkObject object;
        private final Action action;
        private final NetworkJobEffects effects;

        NetworkJob(NetworkObject object, Action action, NetworkJobEffects effects) {
            this.object = object;
            this.action = action;
            this.effects = effects;
        }

        @Override
        public String kind() {
            return object.jobKind(action);
        }

        @Override
        public void run(JobExecution x) throws Exception {
            VmmKey key = new VmmKey(x.targetObjectId(), x.job().stampId());
            switch (action) {
                case CREATE -> x.step("Creating " + object.displayName(), 100);
                case UPDATE -> x.step("Changing properties of " + object.displayName(), 100,
                        () -> effects.update(object, key, x.parameters()));
                case DELETE -> x.step("Removing " + object.displayName(), 100, () -> effects.remove(object, key));
            }
            x.result(key.getId(), object.typeName(), x.job().targetObjectName());
        }

        @Override
        public boolean stepsOnlyWrite() {
            return true;
        }

        /** A create that fails leaves nothing behind: the row its request wrote goes. */
        @Override
        public void onFailure(JobExecution x, JobError error) {
            if (action == Action.CREATE) {
                try {
                    effects.removeCreated(object, new VmmKey(x.targetObjectId(), x.job().stampId()));
                } catch (org.springframework.dao.DataIntegrityViolationException e) {
                    // kept: a later request built on it before the failure showed
                }
            }
        }
    }
}
