package io.localpack.vmroles.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localpack.vmroles.Models.ResourceDefinition;
import io.localpack.vmroles.Models.ResourceParameter;
import io.localpack.vmroles.ResourceDefinitions;
import io.localpack.vmroles.VmRoleRefusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A resource definition (RESDEF JSON, shared/spec/vmm-vms-networks-vmroles.md 4.3) and ParameterValues read into the
 * domain's records: only the members LocalPack acts on are taken, the document itself is kept as sent.
 */
@Component
class JsonResourceDefinitions implements ResourceDefinitions {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ResourceDefinition parse(String json) {
        try {
            return of(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored resource definition is not JSON", e);
        }
    }

    @Override
    public Map<String, String> parameterText(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        try {
            JSON.readTree(json).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored parameter values are not JSON", e);
        }
        return values;
    }

    /** The definition a client sent (a JSON object); anything else is refused naming ResourceDefinition. */
    static ResourceDefinition of(JsonNode definition) {
        if (definition == null || definition.isNull()) {
            return null;
        }
        if (!definition.isObject()) {
            throw VmRoleRefusal.badRequest("ResourceDefinition", "ResourceDefinition must be a JSON object.");
        }
        JsonNode intrinsic = member(definition, "IntrinsicSettings");
        JsonNode scaleOut = member(intrinsic, "ScaleOutSettings");
        List<ResourceParameter> parameters = new ArrayList<>();
        JsonNode declared = member(definition, "ResourceParameters");
        if (declared != null && declared.isArray()) {
            for (JsonNode parameter : declared) {
                parameters.add(new ResourceParameter(text(parameter, "Name"), text(parameter, "Type"),
                        text(parameter, "Description")));
            }
        } else if (declared != null && !declared.isNull()) {
            throw VmRoleRefusal.badRequest("ResourceDefinition.ResourceParameters",
                    "ResourceDefinition.ResourceParameters must be a list.");
        }
        List<String> networks = new ArrayList<>();
        JsonNode adapters = member(member(intrinsic, "NetworkProfile"), "NetworkAdapters");
        if (adapters != null && adapters.isArray()) {
            adapters.forEach(adapter -> networks.add(text(adapter, "NetworkRef")));
        }
        return new ResourceDefinition(text(definition, "Name"), text(definition, "Version"),
                text(definition, "Publisher"), text(definition, "SchemaVersion"), text(definition, "Type"),
                parameters, text(scaleOut, "InitialInstanceCount"), text(scaleOut, "MinimumInstanceCount"),
                text(scaleOut, "MaximumInstanceCount"), text(member(intrinsic, "HardwareProfile"), "VMSize"),
                text(member(intrinsic, "StorageProfile"), "OSVirtualHardDiskImage"),
                text(member(intrinsic, "OperatingSystemProfile"), "ComputerNamePattern"), networks,
                definition.toString());
    }

    /**
     * ParameterValues as clients send it: a JSON object serialised into a string (an object itself is taken too);
     * null or empty is no values.
     */
    static Map<String, Object> parameterValues(JsonNode value) {
        String field = "ResourceConfiguration.ParameterValues";
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Map.of();
        }
        JsonNode object = value;
        if (value.isTextual()) {
            try {
                object = JSON.readTree(value.asText());
            } catch (JsonProcessingException e) {
                throw VmRoleRefusal.badRequest(field, field + " is not a JSON object serialised into a string.");
            }
        }
        if (object == null || !object.isObject()) {
            throw VmRoleRefusal.badRequest(field, field + " must be a JSON object of parameter values.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue())));
        return values;
    }

    private static Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            return value.isArray() ? JSON.convertValue(value, List.class) : JSON.convertValue(value, Map.class);
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        return value.isNumber() ? value.numberValue() : value.asText();
    }

    /** A member found case-blind, as WAP's serializers do; null when absent or when the node is no object. */
    static JsonNode member(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A member's text (numbers as their digits); null when absent or null; an object or list gives null too. */
    static String text(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
