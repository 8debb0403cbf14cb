package io.localpack.vmroles;

import io.localpack.vmroles.Models.ResourceDefinition;
import io.localpack.vmroles.Models.ResourceParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VM Role API's rules in plain Java: what a resource definition must hold, how parameter values are checked
 * against its ResourceParameters, how {@code [Name]} references resolve, the scale-out bounds and the instances'
 * computer names. Every refusal names the member or parameter that was wrong.
 */
public final class VmRoleRules {

    static final String SCHEMA_VERSION = "1.0";
    static final String ROLE_TYPE = "Microsoft.Compute/VMRole/1.0";
    /** What a stored parameter value of a secret type shows instead of the secret. */
    static final String MASK = "******";
    private static final Pattern REFERENCE = Pattern.compile("^\\[([^\\[\\]]+)\\]$");
    private static final Pattern FOUR_PART = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");
    private static final Pattern THREE_OR_FOUR_PART = Pattern.compile("^\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(\\.\\d{1,9})?$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
    private static final Pattern HASHES = Pattern.compile("#+");
    private static final int COMPUTER_NAME_MAX = 15;
    private static final String SCALE_OUT = "ResourceDefinition.IntrinsicSettings.ScaleOutSettings.";

    private VmRoleRules() {
    }

    /** Scale-out bounds of a role: how many instances it starts with, and the least and most it may have. */
    public record ScaleBounds(int initial, int minimum, int maximum) {
    }

    /** A cloud service or VM Role name: letters, digits, '-', '_' and '.', at most 64, starting alphanumerically. */
    static void checkName(String name, String member) {
        if (name == null || name.isBlank()) {
            throw VmRoleRefusal.badRequest(member, member + " is required.");
        }
        if (!NAME.matcher(name).matches()) {
            throw VmRoleRefusal.badRequest(member, member + " '" + name + "' is not valid: use at most 64 letters,"
                    + " digits, '-', '_' or '.', starting with a letter or digit.");
        }
    }

    /** The members a VM Role definition must have, with the values its schema fixes. */
    static void checkDefinition(ResourceDefinition definition) {
        if (definition == null) {
            throw VmRoleRefusal.badRequest("ResourceDefinition", "ResourceDefinition is required.");
        }
        required(definition.name(), "ResourceDefinition.Name");
        required(definition.version(), "ResourceDefinition.Version");
        if (!FOUR_PART.matcher(definition.version()).matches()) {
            throw VmRoleRefusal.badRequest("ResourceDefinition.Version", "ResourceDefinition.Version must have four"
                    + " parts (major.minor.build.revision); it is '" + definition.version() + "'.");
        }
        if (!SCHEMA_VERSION.equals(definition.schemaVersion())) {
            throw VmRoleRefusal.badRequest("ResourceDefinition.SchemaVersion", "ResourceDefinition.SchemaVersion must"
                    + " be \"" + SCHEMA_VERSION + "\".");
        }
        if (!ROLE_TYPE.equals(definition.type())) {
            throw VmRoleRefusal.badRequest("ResourceDefinition.Type", "ResourceDefinition.Type must be \""
                    + ROLE_TYPE + "\".");
        }
        required(definition.vmSize(), "ResourceDefinition.IntrinsicSettings.HardwareProfile.VMSize");
        required(definition.osVirtualHardDiskImage(),
                "ResourceDefinition.IntrinsicSettings.StorageProfile.OSVirtualHardDiskImage");
        for (ResourceParameter parameter : definition.parameters()) {
            required(parameter.name(), "ResourceDefinition.ResourceParameters.Name");
            required(parameter.type(), "ResourceDefinition.ResourceParameters." + parameter.name() + ".Type");
        }
    }

    /**
     * The parameter values checked against the definition's parameters, as text: every declared parameter must have a
     * value of its type (Int, Boolean, Credential "user:password", String, SecureString), and no undeclared one may
     * come.
     */
    static Map<String, String> checkParameters(ResourceDefinition definition, Map<String, Object> values) {
        Map<String, Object> given = values == null ? Map.of() : values;
        Map<String, String> checked = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (declared(definition, name) == null) {
                throw VmRoleRefusal.badRequest(name, "Parameter '" + name + "' is not declared in the resource"
                        + " definition's ResourceParameters.");
            }
        }
        for (ResourceParameter parameter : definition.parameters()) {
            Object value = given.get(parameter.name());
            if (value == null) {
                throw VmRoleRefusal.badRequest(parameter.name(), "Parameter '" + parameter.name() + "' ("
                        + parameter.type() + ") has no value in ResourceConfiguration.ParameterValues.");
            }
            checked.put(parameter.name(), typed(parameter, value));
        }
        return checked;
    }

    /** The values to store: secrets (Credential passwords, SecureStrings) masked, so they are never read back. */
    static Map<String, String> masked(ResourceDefinition definition, Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            String type = declared(definition, name).type().toLowerCase(Locale.ROOT);
            masked.put(name, switch (type) {
                case "credential" -> value.substring(0, value.indexOf(':') + 1) + MASK;
                case "securestring" -> MASK;
                default -> value;
            });
        });
        return masked;
    }

    /** A definition value with a whole-value {@code [Name]} reference replaced by that parameter's value. */
    static String resolve(String value, Map<String, String> parameters, String member) {
        if (value == null) {
            return null;
        }
        Matcher reference = REFERENCE.matcher(value.trim());
        if (!reference.matches()) {
            return value;
        }
        String name = reference.group(1);
        String resolved = parameters.get(name);
        if (resolved == null) {
            throw VmRoleRefusal.badRequest(member, member + " references parameter '" + name + "', which the resource"
                    + " definition does not declare.");
        }
        return resolved;
    }

    /** The role's scale-out bounds; absent counts are 1 (initial, minimum) and unbounded (maximum) [INFER]. */
    static ScaleBounds bounds(ResourceDefinition definition, Map<String, String> parameters) {
        int initial = count(definition.initialInstanceCount(), parameters, "InitialInstanceCount", 1);
        int minimum = count(definition.minimumInstanceCount(), parameters, "MinimumInstanceCount", 1);
        int maximum = count(definition.maximumInstanceCount(), parameters, "MaximumInstanceCount", Integer.MAX_VALUE);
        if (minimum > maximum) {
            throw VmRoleRefusal.badRequest(SCALE_OUT + "MinimumInstanceCount", "MinimumInstanceCount (" + minimum
                    + ") is above MaximumInstanceCount (" + maximum + ").");
        }
        if (initial < minimum || initial > maximum) {
            throw VmRoleRefusal.badRequest(SCALE_OUT + "InitialInstanceCount", "InitialInstanceCount (" + initial
                    + ") must lie between MinimumInstanceCount (" + minimum + ") and MaximumInstanceCount ("
                    + maximum + ").");
        }
        return new ScaleBounds(initial, minimum, maximum);
    }

    /**
     * An update's ResourceConfiguration.Version: four parts (major.minor.build.revision) or the gallery's three, and
     * bigger than the role's (missing parts count as 0).
     */
    static void checkConfigurationVersion(String version, String current) {
        String member = "ResourceConfiguration.Version";
        if (version == null || !THREE_OR_FOUR_PART.matcher(version.trim()).matches()) {
            throw VmRoleRefusal.badRequest(member, member + " must be major.minor.build[.revision]; it is "
                    + (version == null ? "missing" : "'" + version + "'") + ".");
        }
        if (current != null && THREE_OR_FOUR_PART.matcher(current.trim()).matches()
                && compareVersions(version.trim(), current.trim()) <= 0) {
            throw VmRoleRefusal.badRequest(member, member + " '" + version + "' must be bigger than the role's"
                    + " version '" + current + "'.");
        }
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < 4; i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    /** A Scale request's InstanceCount must stay within the role's bounds. */
    static void checkInstanceCount(long count, ScaleBounds bounds) {
        if (count < bounds.minimum() || count > bounds.maximum()) {
            throw VmRoleRefusal.badRequest("InstanceCount", "InstanceCount " + count + " is outside the role's"
                    + " scale-out settings: at least " + bounds.minimum()
                    + (bounds.maximum() == Integer.MAX_VALUE ? "" : " and at most " + bounds.maximum()) + ".");
        }
    }

    /**
     * The computer names of {@code count} instances numbered from {@code first}: a run of '#' in the pattern becomes
     * the number, zero-padded to the run's width ("WEB###" gives WEB001); a pattern without one gets the number
     * appended; no pattern (or "*") uses the role's name. At most 15 characters, as NetBIOS allows.
     */
    static List<String> computerNames(String pattern, String roleName, int first, int count) {
        String base = pattern == null || pattern.isBlank() || "*".equals(pattern.trim())
                ? cleaned(roleName) + "##" : pattern.trim();
        Matcher hashes = HASHES.matcher(base);
        String prefix;
        String suffix;
        int width;
        if (hashes.find()) {
            prefix = base.substring(0, hashes.start());
            suffix = base.substring(hashes.end());
            width = hashes.end() - hashes.start();
        } else {
            prefix = base;
            suffix = "";
            width = 2;
        }
        List<String> names = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String number = String.format(Locale.ROOT, "%0" + width + "d", n);
            String name = prefix + number + suffix;
            if (name.length() > COMPUTER_NAME_MAX) {
                throw VmRoleRefusal.badRequest("ResourceDefinition.IntrinsicSettings.OperatingSystemProfile"
                        + ".ComputerNamePattern", "ComputerNamePattern '" + base + "' gives computer name '" + name
                        + "', longer than " + COMPUTER_NAME_MAX + " characters.");
            }
            names.add(name);
        }
        return names;
    }

    /** An image reference "FamilyName:Release", split at its last colon. */
    static String[] imageReference(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw VmRoleRefusal.badRequest("ResourceDefinition.IntrinsicSettings.StorageProfile.OSVirtualHardDiskImage",
                    "OSVirtualHardDiskImage must be \"FamilyName:Release\"; it is '" + value + "'.");
        }
        return new String[] {value.substring(0, colon), value.substring(colon + 1)};
    }

    private static String typed(ResourceParameter parameter, Object value) {
        String name = parameter.name();
        String type = parameter.type().toLowerCase(Locale.ROOT);
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw illTyped(parameter, "an object or a list");
        }
        String text = value.toString().trim();
        switch (type) {
            case "int", "int32", "int64", "integer" -> {
                if (value instanceof Boolean || !text.matches("^-?\\d{1,18}$")) {
                    throw illTyped(parameter, "'" + text + "'");
                }
                return Long.toString(Long.parseLong(text));
            }
            case "boolean", "bool" -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw illTyped(parameter, "'" + text + "'");
                }
                return text.toLowerCase(Locale.ROOT);
            }
            case "credential" -> {
                if (!(value instanceof String) || text.indexOf(':') <= 0) {
                    // never echo the value: it may hold a password
                    throw VmRoleRefusal.badRequest(name, "Parameter '" + name + "' (Credential) must be"
                            + " \"user:password\" or \"domain\\\\user:password\".");
                }
                return value.toString();
            }
            case "securestring" -> {
                if (!(value instanceof String)) {
                    throw VmRoleRefusal.badRequest(name, "Parameter '" + name + "' (SecureString) must be a string.");
                }
                return value.toString();
            }
            default -> {
                return value.toString();
            }
        }
    }

    private static VmRoleRefusal illTyped(ResourceParameter parameter, String what) {
        return VmRoleRefusal.badRequest(parameter.name(), "Parameter '" + parameter.name() + "' must be of type "
                + parameter.type() + "; it is " + what + ".");
    }

    private static ResourceParameter declared(ResourceDefinition definition, String name) {
        return definition.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static int count(String value, Map<String, String> parameters, String member, int otherwise) {
        String resolved = resolve(value, parameters, SCALE_OUT + member);
        if (resolved == null || resolved.isBlank()) {
            return otherwise;
        }
        try {
            int count = Integer.parseInt(resolved.trim());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw VmRoleRefusal.badRequest(SCALE_OUT + member, member + " must be a whole number of instances;"
                    + " it is '" + resolved + "'.");
        }
    }

    private static void required(String value, String member) {
        if (value == null || value.isBlank()) {
            throw VmRoleRefusal.badRequest(member, member + " is required.");
        }
    }

    private static String cleaned(String roleName) {
        String cleaned = roleName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]+", "");
        cleaned = cleaned.isEmpty() ? "VMROLE" : cleaned;
        return cleaned.length() > COMPUTER_NAME_MAX - 2 ? cleaned.substring(0, COMPUTER_NAME_MAX - 2) : cleaned;
    }
}
