package io.localpack.vmm.service;

/**
 * The values LocalPack writes into a service's state properties. DeploymentState values are VMM's; ServiceStatus and
 * OverallStatus are not enumerated by any public source: the seed shows "OK" for a running, healthy service, and the
 * rest is LocalPack's documented choice (see README).
 */
public final class ServiceStates {

    public static final String DEPLOYING = "Deploying";
    public static final String DEPLOYED = "Deployed";
    public static final String DEPLOYMENT_FAILED = "DeploymentFailed";
    public static final String SERVICING = "Servicing";
    public static final String SERVICING_FAILED = "ServicingFailed";
    public static final String DELETING = "Deleting";

    public static final String STATUS_RUNNING = "OK";
    public static final String STATUS_STOPPED = "Stopped";
    public static final String STATUS_STARTING = "Starting";
    public static final String STATUS_STOPPING = "Stopping";
    public static final String STATUS_DEPLOYING = "Deploying";
    public static final String STATUS_FAILED = "Failed";

    public static final String OVERALL_OK = "OK";
    public static final String OVERALL_NEEDS_ATTENTION = "NeedsAttention";

    private ServiceStates() {
    }
}
