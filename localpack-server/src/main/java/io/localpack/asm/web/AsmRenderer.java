package io.localpack.asm.web;

import io.localpack.asm.domain.Snapshots;
import io.localpack.jobs.Job;
import io.localpack.jobs.JobStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Domain snapshots and jobs as Service Management XML, children in the documented order. */
@Component
class AsmRenderer {

    String hostedServices(UUID subscriptionId, List<Snapshots.CloudService> services) {
        AsmXml.Writer w = new AsmXml.Writer("HostedServices");
        for (Snapshots.CloudService s : services) {
            w.start("HostedService");
            hostedServiceBody(w, subscriptionId, s, false);
            w.end();
        }
        return w.finish();
    }

    String hostedService(UUID subscriptionId, Snapshots.CloudService s, boolean withDeployments) {
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
        w.end()
                .el("UpgradeDomainCount", d.upgradeDomainCount())
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
        return w.finish();
    }
}
