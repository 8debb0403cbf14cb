package io.localpack.asm.domain;

import java.util.Map;
import java.util.regex.Pattern;

/** Field rules from the Create/Update Hosted Service and Create Deployment reference pages. */
final class Validation {

    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private Validation() {
    }

    static String serviceNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "ServiceName is required.";
        }
        if (!SERVICE_NAME.matcher(name).matches()) {
            return "The hosted service name is invalid: use 1 to 63 letters, digits and hyphens, starting and "
                    + "ending with a letter or digit.";
        }
        return null;
    }

    static void createHostedService(Commands.CreateHostedService c) {
        String problem = serviceNameProblem(c.serviceName());
        if (problem != null) {
            throw CloudServiceException.badRequest(problem);
        }
        label(c.label());
        description(c.description());
        boolean location = c.location() != null && !c.location().isBlank();
        boolean group = c.affinityGroup() != null && !c.affinityGroup().isBlank();
        if (location == group) {
            throw CloudServiceException.badRequest("Exactly one of Location or AffinityGroup is required.");
        }
        properties(c.extendedProperties(), 50);
    }

    static void updateHostedService(Commands.UpdateHostedService c) {
        if (c.label() == null && c.description() == null && c.reverseDnsFqdn() == null
                && (c.extendedProperties() == null || c.extendedProperties().isEmpty())) {
            throw CloudServiceException.badRequest("Specify at least one of Label, Description, ExtendedProperties "
                    + "or ReverseDnsFqdn.");
        }
        if (c.label() != null) {
            label(c.label());
        }
        description(c.description());
        properties(c.extendedProperties(), 50);
    }

    static void createDeployment(Commands.CreateDeployment c) {
        if (c.name() == null || c.name().isBlank()) {
            throw CloudServiceException.badRequest("Name is required.");
        }
        if (c.name().length() > 100) {
            throw CloudServiceException.badRequest("Name must be at most 100 characters.");
        }
        if (c.packageUrl() == null || c.packageUrl().isBlank()) {
            throw CloudServiceException.badRequest("PackageUrl is required.");
        }
        if (c.packageUrl().length() > 2048) {
            throw CloudServiceException.badRequest("PackageUrl must be at most 2048 characters.");
        }
        label(c.label());
        if (c.configuration() == null || c.configuration().isBlank()) {
            throw CloudServiceException.badRequest("Configuration is required.");
        }
        properties(c.extendedProperties(), 25);
    }

    static void changeConfiguration(Commands.ChangeConfiguration c) {
        if (c.configuration() == null || c.configuration().isBlank()) {
            throw CloudServiceException.badRequest("Configuration is required.");
        }
        properties(c.extendedProperties(), 25);
    }

    static void upgrade(Commands.Upgrade c) {
        if (c.packageUrl() == null || c.packageUrl().isBlank()) {
            throw CloudServiceException.badRequest("PackageUrl is required.");
        }
        if (c.packageUrl().length() > 2048) {
            throw CloudServiceException.badRequest("PackageUrl must be at most 2048 characters.");
        }
        label(c.label());
        if (c.configuration() == null || c.configuration().isBlank()) {
            throw CloudServiceException.badRequest("Configuration is required.");
        }
        properties(c.extendedProperties(), 25);
    }

    private static void label(String label) {
        if (label == null || label.isEmpty()) {
            throw CloudServiceException.badRequest("Label is required.");
        }
        if (label.length() > 100) {
            throw CloudServiceException.badRequest("Label must be at most 100 characters.");
        }
    }

    private static void description(String description) {
        if (description != null && description.length() > 1024) {
            throw CloudServiceException.badRequest("Description must be at most 1024 characters.");
        }
    }

    private static void properties(Map<String, String> properties, int max) {
        if (properties == null) {
            return;
        }
        if (properties.size() > max) {
            throw CloudServiceException.badRequest("At most " + max + " ExtendedProperties are allowed.");
        }
        properties.forEach((name, value) -> {
            if (name == null || !PROPERTY_NAME.matcher(name).matches()) {
                throw CloudServiceException.badRequest("ExtendedProperty name '" + name + "' is invalid: up to 64 "
                        + "letters, digits and underscores, starting with a letter.");
            }
            if (value != null && value.length() > 255) {
                throw CloudServiceException.badRequest("ExtendedProperty " + name + " value must be at most 255 "
                        + "characters.");
            }
        });
    }
}
