package io.localpack.asm.web;

import io.localpack.asm.domain.AsmRequests;
import io.localpack.asm.domain.AsmSubscriptions;
import io.localpack.asm.domain.Snapshots;
import io.localpack.tenancy.auth.ManagementCertificates;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Domain snapshots and jobs as Service Management XML, children in the documented order. */
@Component
public class AsmRenderer {

    String hostedServices(UUID subscriptionId, List<Snapshots.CloudService> services) {
        AsmXml.Writer w = new AsmXml.Writer("HostedServices");
        for (Snapshots.CloudService s : services) {
            w.start("HostedService");
            hostedServiceBody(w, subscriptionId, s, false);
            w.end();
        }
        return w.finish();
    }

    public String hostedService(UUID subscriptionId, Snapshots.CloudService s, boolean withDeployments) {
        AsmXml.Writer w = new AsmXml.Writer("HostedService");
        hostedServiceBody(w, subscriptionId, s, withDeployments);
        return w.finish();
    }

    private void hostedServiceBody(AsmXml.Writer w, UUID subscriptionId, Snapshots.CloudService s,
                                   boolean withDeployments) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        w.el("Url", base + "/" + subscriptionId + "/services/hostedservices/" + s.serviceName())
                .el("ServiceName", s.serviceName())
                .start("HostedServiceProperties")
                .el("Description", s.description())
                .el("AffinityGroup", s.affinityGroup())
                .el("Location", s.location())
                .el("Label", AsmXml.encode(s.label()))
                .el("Status", s.status())
                .el("DateCreated", AsmXml.date(s.dateCreated()))
                .el("DateLastModified", AsmXml.date(s.dateLastModified()))
                .extendedProperties(s.extendedProperties())
                .el("ReverseDnsFqdn", s.reverseDnsFqdn())
                .end();
        if (withDeployments) {
            w.start("Deployments");
            s.deployments().forEach(d -> {
                w.start("Deployment");
                deploymentBody(w, d);
                w.end();
            });
            w.end();
        }
    }

    String deployment(Snapshots.DeploymentView d) {
        AsmXml.Writer w = new AsmXml.Writer("Deployment");
        deploymentBody(w, d);
        return w.finish();
    }

    private void deploymentBody(AsmXml.Writer w, Snapshots.DeploymentView d) {
        w.el("Name", d.name())
                .el("DeploymentSlot", d.slot().name())
                .el("PrivateID", d.privateId())
                .el("Status", d.status())
                .el("Label", AsmXml.encode(d.label()))
                .el("Url", d.url())
                .el("Configuration", AsmXml.encode(d.configuration()))
                .start("RoleInstanceList");
        for (Snapshots.Instance i : d.roleInstances()) {
            w.start("RoleInstance")
                    .el("RoleName", i.roleName())
                    .el("InstanceName", i.instanceName())
                    .el("InstanceStatus", i.instanceStatus())
                    .el("InstanceUpgradeDomain", i.upgradeDomain())
                    .el("InstanceFaultDomain", i.faultDomain())
                    .el("InstanceSize", i.instanceSize())
                    .el("InstanceStateDetails", "")
                    .el("IpAddress", i.ipAddress())
                    .el("PowerState", i.powerState())
                    .el("HostName", i.hostName())
                    .end();
        }
        w.end();
        if (d.upgradeStatus() != null) {
            w.start("UpgradeStatus")
                    .el("UpgradeType", d.upgradeStatus().upgradeType())
                    .el("CurrentUpgradeDomainState", d.upgradeStatus().currentUpgradeDomainState())
                    .el("CurrentUpgradeDomain", d.upgradeStatus().currentUpgradeDomain())
                    .end();
        }
        w.el("UpgradeDomainCount", d.upgradeDomainCount())
                .start("RoleList");
        for (String role : d.roleNames()) {
            w.start("Role").el("RoleName", role).el("OsVersion", "*").end();
        }
        w.end()
                .el("SdkVersion", d.sdkVersion())
                .el("Locked", d.locked())
                .el("RollbackAllowed", d.rollbackAllowed())
                .el("CreatedTime", AsmXml.date(d.createdTime()))
                .el("LastModifiedTime", AsmXml.date(d.lastModifiedTime()))
                .extendedProperties(d.extendedProperties());
    }

    // ---- service certificates ----------------------------------------------------------------------------

    String certificates(UUID subscriptionId, String serviceName, List<Snapshots.ServiceCertificate> list) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/" + subscriptionId
                + "/services/hostedservices/" + serviceName + "/certificates/";
        AsmXml.Writer w = new AsmXml.Writer("Certificates");
        for (Snapshots.ServiceCertificate c : list) {
            w.start("Certificate")
                    .el("CertificateUrl", base + c.thumbprintAlgorithm() + "-" + c.thumbprint())
                    .el("Thumbprint", c.thumbprint())
                    .el("ThumbprintAlgorithm", c.thumbprintAlgorithm())
                    .el("Data", c.data())
                    .end();
        }
        return w.finish();
    }

    String certificate(Snapshots.ServiceCertificate c) {
        return new AsmXml.Writer("Certificate").el("Data", c.data()).finish();
    }

    // ---- subscription ------------------------------------------------------------------------------------

    String subscription(AsmSubscriptions.Overview s) {
        AsmSubscriptions.Quotas q = s.quotas();
        return new AsmXml.Writer("Subscription")
                .el("SubscriptionID", s.id())
                .el("SubscriptionName", s.name())
                .el("SubscriptionStatus", s.status())
                .el("AccountAdminLiveEmailId", s.accountAdmin())
                .el("ServiceAdminLiveEmailId", s.accountAdmin())
                .el("MaxCoreCount", q.maxCoreCount())
                .el("MaxStorageAccounts", q.maxStorageAccounts())
                .el("MaxHostedServices", q.maxHostedServices())
                .el("CurrentCoreCount", s.currentCoreCount())
                .el("CurrentHostedServices", s.currentHostedServices())
                .el("CurrentStorageAccounts", 0)
                .el("MaxVirtualNetworkSites", q.maxVirtualNetworkSites())
                .el("CurrentVirtualNetworkSites", 0)
                .el("MaxLocalNetworkSites", q.maxLocalNetworkSites())
                .el("MaxDnsServers", q.maxDnsServers())
                .el("CurrentDnsServers", 0)
                .el("MaxExtraVIPCount", q.maxExtraVipCount())
                .el("MaxReservedIPs", q.maxReservedIps())
                .el("CurrentReservedIPs", 0)
                .el("CreatedTime", AsmXml.date(s.createdTime()))
                .finish();
    }

    String locations(List<AsmSubscriptions.Location> locations, List<AsmSubscriptions.RoleSize> sizes) {
        AsmXml.Writer w = new AsmXml.Writer("Locations");
        for (AsmSubscriptions.Location l : locations) {
            w.start("Location").el("Name", l.name()).el("DisplayName", l.displayName()).start("AvailableServices");
            l.availableServices().forEach(service -> w.el("AvailableService", service));
            w.end().start("ComputeCapabilities").start("VirtualMachinesRoleSizes");
            sizes.stream().filter(AsmSubscriptions.RoleSize::virtualMachines).forEach(z -> w.el("RoleSize", z.name()));
            w.end().start("WebWorkerRoleSizes");
            sizes.stream().filter(AsmSubscriptions.RoleSize::webWorkerRoles).forEach(z -> w.el("RoleSize", z.name()));
            w.end().end().end();
        }
        return w.finish();
    }

    String roleSizes(List<AsmSubscriptions.RoleSize> sizes) {
        AsmXml.Writer w = new AsmXml.Writer("RoleSizes");
        for (AsmSubscriptions.RoleSize z : sizes) {
            w.start("RoleSize").el("Name", z.name()).el("Label", z.label()).el("Cores", z.cores())
                    .el("MemoryInMb", z.memoryMb()).el("SupportedByWebWorkerRoles", z.webWorkerRoles())
                    .el("SupportedByVirtualMachines", z.virtualMachines()).el("MaxDataDiskCount", z.maxDataDisks())
                    .el("WebWorkerResourceDiskSizeInMb", z.webWorkerDiskMb())
                    .el("VirtualMachineResourceDiskSizeInMb", z.vmDiskMb()).end();
        }
        return w.finish();
    }

    String managementCertificates(List<ManagementCertificates.Certificate> list) {
        AsmXml.Writer w = new AsmXml.Writer("SubscriptionCertificates");
        list.forEach(c -> managementCertificateBody(w.start("SubscriptionCertificate"), c).end());
        return w.finish();
    }

    String managementCertificate(ManagementCertificates.Certificate c) {
        return managementCertificateBody(new AsmXml.Writer("SubscriptionCertificate"), c).finish();
    }

    private static AsmXml.Writer managementCertificateBody(AsmXml.Writer w, ManagementCertificates.Certificate c) {
        return w.el("SubscriptionCertificatePublicKey", c.publicKey())
                .el("SubscriptionCertificateThumbprint", c.thumbprint())
                .el("SubscriptionCertificateData", c.data())
                .el("Created", AsmXml.date(c.createdTime()));
    }

    // ---- operations ----------------------------------------------------------------------------------------

    /** Get Operation Status for a request that started no job: Succeeded or Failed with its own status. */
    String operation(AsmRequests.Finished r) {
        AsmXml.Writer w = new AsmXml.Writer("Operation").el("ID", r.requestId().toString());
        requestStatus(w, r);
        return w.finish();
    }

    private static void requestStatus(AsmXml.Writer w, AsmRequests.Finished r) {
        if (r.httpStatus() < 400) {
            w.el("Status", "Succeeded").el("HttpStatusCode", r.httpStatus());
        } else {
            w.el("Status", "Failed").el("HttpStatusCode", r.httpStatus()).start("Error")
                    .el("Code", r.errorCode() == null ? "InternalError" : r.errorCode())
                    .el("Message", r.errorMessage() == null ? "The request failed." : r.errorMessage()).end();
        }
    }

    String subscriptionOperations(List<AsmRequests.Operation> operations, String continuationToken) {
        AsmXml.Writer w = new AsmXml.Writer("SubscriptionOperationCollection").start("SubscriptionOperations");
        for (AsmRequests.Operation op : operations) {
            AsmRequests.Finished r = op.request();
            w.start("SubscriptionOperation")
                    .el("OperationId", r.requestId().toString())
                    .el("OperationObjectId", r.objectId())
                    .el("OperationName", r.operationName())
                    .start("OperationCaller")
                    .el("UsedServiceManagementApi", true)
                    .el("UserEmailAddress", r.callerUser())
                    .el("SubscriptionCertificateThumbprint", r.callerThumbprint())
                    .el("ClientIP", r.clientIp())
                    .end()
                    .start("OperationStatus");
            w.el("ID", r.requestId().toString());
            java.time.OffsetDateTime completed = r.completedTime();
            if (op.job() != null) {
                operationStatus(w, op.job());
                completed = op.job().status().isFinished() ? op.job().endTime() : null;
            } else {
                requestStatus(w, r);
            }
            w.end()
                    .el("OperationStartedTime", AsmXml.date(r.startedTime()))
                    .el("OperationCompletedTime", AsmXml.date(completed))
                    .el("OperationKind", r.operationName())
                    .end();
        }
        w.end().el("ContinuationToken", continuationToken);
        return w.finish();
    }

    String availability(Snapshots.Availability a) {
        return new AsmXml.Writer("AvailabilityResponse").el("Result", a.available()).el("Reason", a.reason())
                .finish();
    }

    /** ASM error codes a failed operation may report; VMM-style names (e.g. the engine's own) become InternalError. */
    private static final java.util.Set<String> ASM_CODES = java.util.Set.of("MissingOrIncorrectVersionHeader",
            "InvalidXmlRequest", "MissingOrInvalidRequiredQueryParameter", "InvalidHttpVerb", "BadRequest",
            "AuthenticationFailed", "SubscriptionDisabled", "ResourceNotFound", "ConflictError", "InternalError",
            "OperationTimedOut", "ServerBusy", "InvalidRequest", "InvalidContentType", "TooManyRequests",
            "PreconditionError", "ConfigurationError", "ForbiddenError");

    static String asmCode(String name) {
        return name != null && ASM_CODES.contains(name) ? name : "InternalError";
    }

    /** Operation: ID as a hyphenated GUID; HttpStatusCode and Error only once finished. */
    String operation(Job job) {
        AsmXml.Writer w = new AsmXml.Writer("Operation").el("ID", job.id().toString());
        operationStatus(w, job);
        return w.finish();
    }

    private static void operationStatus(AsmXml.Writer w, Job job) {
        JobStatus status = job.status();
        if (!status.isFinished()) {
            w.el("Status", "InProgress");
        } else if (status.isSuccess()) {
            w.el("Status", "Succeeded").el("HttpStatusCode", job.httpStatus() == null ? 200 : job.httpStatus());
        } else {
            int http = job.error() == null ? 500 : AsmError.statusOf(job.error());
            String code = job.error() == null ? "InternalError" : asmCode(job.error().name());
            String message = job.error() == null ? "The operation was canceled." : job.error().problem();
            w.el("Status", "Failed").el("HttpStatusCode", http)
                    .start("Error").el("Code", code).el("Message", message).end();
        }
    }
}
