package io.localpack.vmroles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The VM Role API's records, free of any wire format: the web adapter ({@code web}) maps them to JSON. */
public final class Models {

    private Models() {
    }

    /** A gallery item (MicrosoftCompute.VMRoleGalleryItem), keyed by publisher, name and version. */
    public record GalleryItem(String publisher, String name, String version, String publisherLabel, String label,
            String description, OffsetDateTime publishDate, String iconUrl) {
    }

    /** A cloud service of a subscription (MicrosoftCompute.CloudService, key Name). */
    public record CloudService(UUID id, UUID subscriptionId, String name, String label, String provisioningState) {
    }

    /** A VM Role as stored: its definition and parameter values as the client sent them (secrets masked). */
    public record VmRole(UUID id, UUID subscriptionId, UUID cloudServiceId, String name, String label,
            String resourceDefinitionJson, String configurationVersion, String parameterValuesJson,
            String provisioningState, int instanceCount, int nextInstanceNumber, UUID stampId, UUID cloudId,
            String substateQualifier, String substateMessage, UUID mostRecentJobId) {
    }

    /** One entry of a resource definition's ResourceParameters. */
    public record ResourceParameter(String name, String type, String description) {
    }

    /**
     * The parts of a resource definition (RESDEF, Microsoft.Compute/VMRole/1.0) the emulator acts on, as read from
     * the client's JSON; values may reference parameters as {@code [Name]}. {@code json} is the definition as sent.
     * Members the client left out are null.
     */
    public record ResourceDefinition(String name, String version, String publisher, String schemaVersion,
            String type, List<ResourceParameter> parameters, String initialInstanceCount,
            String minimumInstanceCount, String maximumInstanceCount, String vmSize, String osVirtualHardDiskImage,
            String computerNamePattern, List<String> networkRefs, String json) {

        public ResourceDefinition {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
            networkRefs = networkRefs == null ? List.of() : List.copyOf(networkRefs);
        }
    }

    /** A new VM Role as the client asks for it; parameter values parsed from the ParameterValues string. */
    public record NewVmRole(String name, String label, ResourceDefinition definition, String configurationVersion,
            java.util.Map<String, Object> parameterValues) {
    }

    /**
     * What an update asks to change (each null when the request left it alone): the label, the definition (another
     * version), and the configuration (a bigger Version with parameter values, checked like a create's).
     */
    public record RoleUpdate(String label, ResourceDefinition definition, boolean configurationGiven,
            String configurationVersion, java.util.Map<String, Object> parameterValues) {
    }

    /** A queued job and what it works on. */
    public record Ticket(UUID jobId, Object subject) {
    }
}
