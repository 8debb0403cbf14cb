package io.localpack.asm.web;

import io.localpack.asm.domain.CloudServiceException;
import io.localpack.asm.domain.CloudServiceLifecycle;
import io.localpack.asm.domain.CloudServices;
import io.localpack.asm.domain.Commands;
import io.localpack.asm.domain.Commands.DeploymentRef;
import io.localpack.asm.domain.DeploymentSlot;
import io.localpack.readcache.ReusableAnswers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.w3c.dom.Element;

/**
 * The cloud-service operations of the Service Management API. A thin adapter: XML in, domain call, XML out.
 * Paths are listed with and without a trailing slash because the SDKs send both.
 */
@RestController
@RequestMapping("/{subscriptionId}/services/hostedservices")
class HostedServicesController {

    private static final String SVC = "/{serviceName}";
    private static final String SLOT = SVC + "/deploymentslots/{slot}";
    private static final String NAME = SVC + "/deployments/{deploymentName}";

    private final CloudServices cloudServices;
    private final CloudServiceLifecycle lifecycle;
    private final AsmRenderer renderer;
    private final ReusableAnswers reusable;

    HostedServicesController(CloudServices cloudServices, CloudServiceLifecycle lifecycle, AsmRenderer renderer,
            ReusableAnswers reusable) {
        this.cloudServices = cloudServices;
        this.lifecycle = lifecycle;
        this.renderer = renderer;
        this.reusable = reusable;
    }

    // ---- hosted services ---------------------------------------------------------------------------------

    @GetMapping({"", "/"})
    ResponseEntity<String> list(@PathVariable String subscriptionId) {
        return ok(renderer.hostedServices(subscription(subscriptionId), cloudServices.list(subscription(subscriptionId))));
    }

    @PostMapping({"", "/"})
    ResponseEntity<String> create(@PathVariable String subscriptionId, @RequestBody(required = false) String body,
                                  HttpServletRequest request) {
        Element x = AsmXml.parse(body, "CreateHostedService");
        var command = new Commands.CreateHostedService(AsmXml.requiredText(x, "ServiceName"),
                AsmXml.base64(x, "Label", true), AsmXml.text(x, "Description"), AsmXml.text(x, "Location"),
                AsmXml.text(x, "AffinityGroup"), AsmXml.text(x, "ReverseDnsFqdn"), AsmXml.extendedProperties(x));
        lifecycle.createHostedService(subscription(subscriptionId), requestId(request), command);
        return ResponseEntity.status(201).header("Location", request.getRequestURL() + "/" + command.serviceName())
                .header("Content-Length", "0").build();
    }

    @GetMapping({"/operations/isavailable/{serviceName}", "/operations/isavailable/{serviceName}/"})
    ResponseEntity<String> isAvailable(@PathVariable String subscriptionId, @PathVariable String serviceName) {
        return ok(renderer.availability(cloudServices.isAvailable(subscription(subscriptionId), serviceName)));
    }

    @GetMapping({SVC, SVC + "/"})
    ResponseEntity<byte[]> get(@PathVariable String subscriptionId, @PathVariable String serviceName,
                               @RequestParam(name = "embed-detail", required = false) String embedDetail) {
        boolean detail = "true".equalsIgnoreCase(embedDetail);
        if (embedDetail != null && !detail && !"false".equalsIgnoreCase(embedDetail)) {
            throw CloudServiceException.invalid(AsmError.MissingOrInvalidRequiredQueryParameter.name(),
                    "The embed-detail query parameter must be true or false.");
        }
        UUID sub = subscription(subscriptionId);
        // the answer's Url is made from the URL the client called
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return xml(reusable.document(sub + "\nhosted service\n" + serviceName + "\n" + detail + "\n" + base,
                () -> utf8(renderer.hostedService(sub, cloudServices.get(sub, serviceName, detail), detail))));
    }

    @PutMapping({SVC, SVC + "/"})
    ResponseEntity<String> update(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                  @RequestBody(required = false) String body, HttpServletRequest request) {
        Element x = AsmXml.parse(body, "UpdateHostedService");
        var command = new Commands.UpdateHostedService(AsmXml.base64(x, "Label", false), AsmXml.text(x, "Description"),
                AsmXml.text(x, "ReverseDnsFqdn"), AsmXml.extendedProperties(x));
        lifecycle.updateHostedService(subscription(subscriptionId), requestId(request), serviceName, command);
        return empty(200);
    }

    @DeleteMapping({SVC, SVC + "/"})
    ResponseEntity<String> delete(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                  @RequestParam(required = false) String comp, HttpServletRequest request) {
        UUID sub = subscription(subscriptionId);
        if (comp == null) {
            lifecycle.deleteHostedService(sub, requestId(request), serviceName);
            return empty(200);
        }
        if (!comp.equals("media")) {
            throw unknownComp(comp, "media");
        }
        lifecycle.deleteHostedServiceAndMedia(sub, requestId(request), serviceName);
        return empty(202);
    }

    /** Swap Deployment is a POST on the hosted service itself. */
    @PostMapping({SVC, SVC + "/"})
    ResponseEntity<String> swap(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                @RequestParam(required = false) String comp,
                                @RequestBody(required = false) String body, HttpServletRequest request) {
        if (comp != null) {
            throw unknownComp(comp, "(none: Swap Deployment)");
        }
        Element x = AsmXml.parse(body, "Swap");
        lifecycle.swap(subscription(subscriptionId), requestId(request), serviceName,
                AsmXml.text(x, "Production"), AsmXml.requiredText(x, "SourceDeployment"));
        return empty(202);
    }

    // ---- deployments -------------------------------------------------------------------------------------

    @GetMapping({SLOT, SLOT + "/"})
    ResponseEntity<byte[]> getBySlot(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                     @PathVariable String slot) {
        UUID sub = subscription(subscriptionId);
        DeploymentRef ref = DeploymentRef.bySlot(slot(slot));
        return xml(reusable.document(sub + "\ndeployment slot\n" + serviceName + "\n" + ref.slot(),
                () -> utf8(renderer.deployment(cloudServices.deployment(sub, serviceName, ref)))));
    }

    @GetMapping({NAME, NAME + "/"})
    ResponseEntity<byte[]> getByName(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                     @PathVariable String deploymentName) {
        UUID sub = subscription(subscriptionId);
        return xml(reusable.document(sub + "\ndeployment\n" + serviceName + "\n" + deploymentName,
                () -> utf8(renderer.deployment(cloudServices.deployment(sub, serviceName,
                        DeploymentRef.byName(deploymentName))))));
    }

    /** Create Deployment (no comp) or a deployment action such as comp=status. */
    @PostMapping({SLOT, SLOT + "/"})
    ResponseEntity<String> postToSlot(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                      @PathVariable String slot, @RequestParam(required = false) String comp,
                                      @RequestBody(required = false) String body, HttpServletRequest request) {
        UUID sub = subscription(subscriptionId);
        DeploymentSlot deploymentSlot = slot(slot);
        if (comp == null) {
            Element x = AsmXml.parse(body, "CreateDeployment");
            var command = new Commands.CreateDeployment(AsmXml.requiredText(x, "Name"),
                    AsmXml.requiredText(x, "PackageUrl"), AsmXml.base64(x, "Label", true),
                    AsmXml.base64(x, "Configuration", true), AsmXml.bool(x, "StartDeployment"),
                    AsmXml.extendedProperties(x));
            lifecycle.createDeployment(sub, requestId(request), serviceName, deploymentSlot, command);
            return empty(202);
        }
        return deploymentAction(sub, serviceName, DeploymentRef.bySlot(deploymentSlot), comp, body, request);
    }

    @PostMapping({NAME, NAME + "/"})
    ResponseEntity<String> postToName(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                      @PathVariable String deploymentName,
                                      @RequestParam(required = false) String comp,
                                      @RequestBody(required = false) String body, HttpServletRequest request) {
        if (comp == null) {
            throw CloudServiceException.invalid(AsmError.MissingOrInvalidRequiredQueryParameter.name(),
                    "The comp query parameter is required (status, config, upgrade, walkupgradedomain or "
                            + "rollback).");
        }
        return deploymentAction(subscription(subscriptionId), serviceName, DeploymentRef.byName(deploymentName),
                comp, body, request);
    }

    private ResponseEntity<String> deploymentAction(UUID sub, String serviceName, DeploymentRef ref, String comp,
                                                    String body, HttpServletRequest request) {
        UUID requestId = requestId(request);
        switch (comp) {
            case "status" -> {
                Element x = AsmXml.parse(body, "UpdateDeploymentStatus");
                String status = AsmXml.requiredText(x, "Status");
                Commands.RequestedStatus requested;
                try {
                    requested = Commands.RequestedStatus.valueOf(status);
                } catch (IllegalArgumentException e) {
                    throw CloudServiceException.badRequest("The value '" + status + "' of Status is not valid; use "
                            + "Running or Suspended.");
                }
                lifecycle.updateStatus(sub, requestId, serviceName, ref, requested);
            }
            case "config" -> {
                Element x = AsmXml.parse(body, "ChangeConfiguration");
                AsmXml.bool(x, "TreatWarningsAsError");
                lifecycle.changeConfiguration(sub, requestId, serviceName, ref, new Commands.ChangeConfiguration(
                        AsmXml.base64(x, "Configuration", true), mode(x, Commands.UpgradeMode.Auto),
                        AsmXml.extendedProperties(x)));
            }
            case "upgrade" -> {
                Element x = AsmXml.parse(body, "UpgradeDeployment");
                lifecycle.upgrade(sub, requestId, serviceName, ref, new Commands.Upgrade(mode(x, null),
                        AsmXml.requiredText(x, "PackageUrl"), AsmXml.base64(x, "Configuration", true),
                        AsmXml.base64(x, "Label", true), blankToNull(AsmXml.text(x, "RoleToUpgrade")),
                        AsmXml.bool(x, "Force"), AsmXml.extendedProperties(x)));
            }
            case "walkupgradedomain" -> {
                Element x = AsmXml.parse(body, "WalkUpgradeDomain");
                String domain = AsmXml.requiredText(x, "UpgradeDomain");
                if (!domain.matches("\\d{1,9}")) {
                    throw CloudServiceException.badRequest("UpgradeDomain must be a non-negative integer, not '"
                            + domain + "'.");
                }
                lifecycle.walkUpgradeDomain(sub, requestId, serviceName, ref, Integer.parseInt(domain));
            }
            case "rollback" -> {
                Element x = AsmXml.parse(body, "RollbackUpdateOrUpgrade");
                lifecycle.rollback(sub, requestId, serviceName, ref, new Commands.Rollback(mode(x, null),
                        AsmXml.bool(x, "Force")));
                // the generated SDKs require 200 for a rollback by deployment name and 202 by slot
                return empty(ref.name() != null ? 200 : 202);
            }
            default -> throw unknownComp(comp, "status, config, upgrade, walkupgradedomain or rollback");
        }
        return empty(202);
    }

    /** Mode: Auto, Manual or Simultaneous, exactly; absent is {@code absent} (null: required). */
    private static Commands.UpgradeMode mode(Element x, Commands.UpgradeMode absent) {
        String text = AsmXml.text(x, "Mode");
        if (text == null || text.isEmpty()) {
            if (absent == null) {
                throw CloudServiceException.badRequest("The Mode element is required (Auto or Manual).");
            }
            return absent;
        }
        try {
            return Commands.UpgradeMode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw CloudServiceException.badRequest("The value '" + text + "' of Mode is not valid; use Auto, Manual "
                    + "or Simultaneous.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @DeleteMapping({SLOT, SLOT + "/"})
    ResponseEntity<String> deleteBySlot(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                        @PathVariable String slot, @RequestParam(required = false) String comp,
                                        HttpServletRequest request) {
        checkDeleteComp(comp);
        lifecycle.deleteDeployment(subscription(subscriptionId), requestId(request), serviceName,
                DeploymentRef.bySlot(slot(slot)));
        return empty(202);
    }

    @DeleteMapping({NAME, NAME + "/"})
    ResponseEntity<String> deleteByName(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                        @PathVariable String deploymentName,
                                        @RequestParam(required = false) String comp, HttpServletRequest request) {
        checkDeleteComp(comp);
        lifecycle.deleteDeployment(subscription(subscriptionId), requestId(request), serviceName,
                DeploymentRef.byName(deploymentName));
        return empty(202);
    }

    // ---- role instances ----------------------------------------------------------------------------------

    @PostMapping({SLOT + "/roleinstances/{instance}", SLOT + "/roleinstances/{instance}/"})
    ResponseEntity<String> roleInstanceBySlot(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                              @PathVariable String slot, @PathVariable String instance,
                                              @RequestParam(required = false) String comp,
                                              HttpServletRequest request) {
        return roleInstance(subscriptionId, serviceName, DeploymentRef.bySlot(slot(slot)), instance, comp, request);
    }

    @PostMapping({NAME + "/roleinstances/{instance}", NAME + "/roleinstances/{instance}/"})
    ResponseEntity<String> roleInstanceByName(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                              @PathVariable String deploymentName, @PathVariable String instance,
                                              @RequestParam(required = false) String comp,
                                              HttpServletRequest request) {
        return roleInstance(subscriptionId, serviceName, DeploymentRef.byName(deploymentName), instance, comp,
                request);
    }

    private ResponseEntity<String> roleInstance(String subscriptionId, String serviceName, DeploymentRef ref,
                                                String instance, String comp, HttpServletRequest request) {
        Commands.RoleInstanceAction action;
        if ("reboot".equals(comp)) {
            action = Commands.RoleInstanceAction.Reboot;
        } else if ("reimage".equals(comp)) {
            action = Commands.RoleInstanceAction.Reimage;
        } else {
            throw unknownComp(comp, "reboot or reimage");
        }
        lifecycle.roleInstance(subscription(subscriptionId), requestId(request), serviceName, ref, instance,
                action);
        return empty(202);
    }

    // ---- service certificates ----------------------------------------------------------------------------

    @GetMapping({SVC + "/certificates", SVC + "/certificates/"})
    ResponseEntity<String> certificates(@PathVariable String subscriptionId, @PathVariable String serviceName) {
        UUID sub = subscription(subscriptionId);
        return ok(renderer.certificates(sub, serviceName, cloudServices.certificates(sub, serviceName)));
    }

    @GetMapping({SVC + "/certificates/{certificate}", SVC + "/certificates/{certificate}/"})
    ResponseEntity<String> certificate(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                       @PathVariable String certificate) {
        String[] id = certificateId(certificate);
        return ok(renderer.certificate(cloudServices.certificate(subscription(subscriptionId), serviceName, id[0],
                id[1])));
    }

    @PostMapping({SVC + "/certificates", SVC + "/certificates/"})
    ResponseEntity<String> addCertificate(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                          @RequestBody(required = false) String body, HttpServletRequest request) {
        Element x = AsmXml.parse(body, "CertificateFile");
        String data = AsmXml.requiredText(x, "Data");
        byte[] bytes;
        try {
            bytes = java.util.Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw CloudServiceException.badRequest("The Data element must be base64-encoded.");
        }
        String password = AsmXml.text(x, "Password");
        lifecycle.addCertificate(subscription(subscriptionId), requestId(request), serviceName,
                new Commands.CertificateFile(bytes, AsmXml.requiredText(x, "CertificateFormat"),
                        password == null ? null : password.toCharArray()));
        return empty(202);
    }

    @DeleteMapping({SVC + "/certificates/{certificate}", SVC + "/certificates/{certificate}/"})
    ResponseEntity<String> deleteCertificate(@PathVariable String subscriptionId, @PathVariable String serviceName,
                                             @PathVariable String certificate, HttpServletRequest request) {
        String[] id = certificateId(certificate);
        lifecycle.deleteCertificate(subscription(subscriptionId), requestId(request), serviceName, id[0], id[1]);
        return empty(202);
    }

    /** {@code sha1-THUMBPRINT}: the algorithm and the thumbprint. */
    private static String[] certificateId(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || !text.substring(dash + 1).matches("[0-9A-Fa-f]{40}")
                || !text.substring(0, dash).equalsIgnoreCase("sha1")) {
            throw CloudServiceException.badRequest("The certificate '" + text + "' is not of the form "
                    + "sha1-<40 hex digits of the thumbprint>.");
        }
        return new String[] {text.substring(0, dash).toLowerCase(java.util.Locale.ROOT),
                text.substring(dash + 1).toUpperCase(java.util.Locale.ROOT)};
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static UUID subscription(String text) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw CloudServiceException.badRequest("The subscription id '" + text + "' is not a valid GUID.");
    }

    private static DeploymentSlot slot(String text) {
        return DeploymentSlot.parse(text).orElseThrow(() -> CloudServiceException.badRequest(
                "The deployment slot '" + text + "' is not valid; use Production or Staging."));
    }

    private static void checkDeleteComp(String comp) {
        if (comp != null && !comp.equals("media")) {
            throw unknownComp(comp, "media");
        }
    }

    private static CloudServiceException unknownComp(String comp, String accepted) {
        return CloudServiceException.invalid(AsmError.MissingOrInvalidRequiredQueryParameter.name(),
                comp == null ? "The comp query parameter is required (" + accepted + ")."
                        : "The value '" + comp + "' of the comp query parameter is not supported here; accepted: "
                        + accepted + ".");
    }

    private static UUID requestId(HttpServletRequest request) {
        return AsmRequestInterceptor.requestId(request);
    }

    static ResponseEntity<String> ok(String xml) {
        return ResponseEntity.ok().contentType(AsmErrors.XML).body(xml);
    }

    /** The same answer as {@link #ok} gives, from its bytes: a kept document is not encoded again. */
    private static ResponseEntity<byte[]> xml(byte[] utf8) {
        return ResponseEntity.ok().contentType(AsmErrors.XML).body(utf8);
    }

    private static byte[] utf8(String xml) {
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static ResponseEntity<String> empty(int status) {
        return ResponseEntity.status(status).header("Content-Length", "0").build();
    }

    @SuppressWarnings("unused")
    private static Map<String, String> none() {
        return Map.of();
    }
}
