package io.localpack.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What to run. Build with {@link #builder(UUID, String, String)}; only subscription, kind and name are required.
 *
 * <p>When {@code targetObjectId} is set, the engine admits at most one unfinished job per target
 * ({@link TargetBusyException} otherwise).
 */
public record JobRequest(
        UUID id,
        UUID subscriptionId,
        UUID stampId,
        String kind,
        String name,
        String descriptionCode,
        String descriptionCodeString,
        String cmdletName,
        String owner,
        UUID targetObjectId,
        String targetObjectType,
        String targetObjectName,
        boolean restartable,
        Map<String, String> parameters) {

    /** Parameter key fault rules match their {@code templateId} against. */
    public static final String TEMPLATE_ID = "ServiceTemplateId";

    public JobRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        parameters = Map.copyOf(parameters);
    }

    public static Builder builder(UUID subscriptionId, String kind, String name) {
        return new Builder(subscriptionId, kind, name);
    }

    public static final class Builder {
        private UUID id = UUID.randomUUID();
        private final UUID subscriptionId;
        private UUID stampId;
        private final String kind;
        private final String name;
        private String descriptionCode;
        private String descriptionCodeString;
        private String cmdletName;
        private String owner;
        private UUID targetObjectId;
        private String targetObjectType;
        private String targetObjectName;
        private boolean restartable = true;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(UUID subscriptionId, String kind, String name) {
            this.subscriptionId = subscriptionId;
            this.kind = kind;
            this.name = name;
        }

        /** Use a given id (e.g. one already sent as x-ms-request-id); random by default. */
        public Builder id(UUID id) { this.id = id; return this; }
        public Builder stampId(UUID stampId) { this.stampId = stampId; return this; }
        public Builder description(String code, String codeString) {
            this.descriptionCode = code;
            this.descriptionCodeString = codeString;
            return this;
        }
        public Builder cmdletName(String cmdletName) { this.cmdletName = cmdletName; return this; }
        public Builder owner(String owner) { this.owner = owner; return this; }
        public Builder target(UUID id, String type, String name) {
            this.targetObjectId = id;
            this.targetObjectType = type;
            this.targetObjectName = name;
            return this;
        }
        public Builder restartable(boolean restartable) { this.restartable = restartable; return this; }
        public Builder parameter(String key, Object value) {
            if (value != null) {
                parameters.put(key, value.toString());
            }
            return this;
        }

        public JobRequest build() {
            return new JobRequest(id, subscriptionId, stampId, kind, name, descriptionCode, descriptionCodeString,
                    cmdletName, owner, targetObjectId, targetObjectType, targetObjectName, restartable, parameters);
        }
    }
}
