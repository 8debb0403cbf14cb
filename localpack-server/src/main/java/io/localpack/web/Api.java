package io.localpack.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API a request belongs to, read from its path alone: the one place that knows the URL spaces. */
public enum Api {
    /** {@code /{subscription}/services/systemcenter/vmm/…}: the VMM OData service (case-insensitive, as SPF). */
    VMM,
    /**
     * {@code /{subscription}/services/hostedservices/…}, {@code /{subscription}/operations[/…]}, the subscription
     * itself ({@code /{subscription}}, a GUID) and its {@code certificates}, {@code locations} and {@code rolesizes}.
     */
    ASM,
    /**
     * WAP's tenant VM Role and Gallery API ({@code api-version=2013-03}): {@code /{subscription}/CloudServices/…} and
     * {@code /{subscription}/Gallery/…}, also under the VMM root, where Azure PowerShell sends it
     * ({@code /{subscription}/services/systemcenter/vmm/CloudServices/…}).
     */
    VM_ROLES,
    /**
     * WAP's tenant subscription API: {@code /subscriptions[/{id}/…]}, {@code /plans[/…]}, {@code /addons[/…]}, in the
     * spellings real clients send: any case ({@code /Subscriptions/…}), a doubled leading slash, a trailing slash.
     */
    SUBSCRIPTIONS,
    /** {@code /_localpack/…}: LocalPack's own control plane. */
    CONTROL_PLANE,
    /** Anything else (no handler will answer it). */
    OTHER;

    private static final Pattern VMM_PATH = Pattern.compile("(?i)^/[^/]+/services/systemcenter/vmm(/.*)?$");
    private static final Pattern VM_ROLES_PATH = Pattern.compile(
            "(?i)^/[^/]+/(services/systemcenter/vmm/)?(CloudServices|Gallery)([/(].*)?$");
    private static final Pattern ASM_PATH = Pattern.compile(
            "^/[^/]+/(services/hostedservices|operations|certificates|locations|rolesizes)(/.*)?$");
    private static final Pattern ASM_SUBSCRIPTION = Pattern.compile(
            "^/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/?$");
    private static final Pattern SUBSCRIPTIONS_PATH = Pattern.compile("(?i)^/+(subscriptions|plans|addons)(/.*)?$");
    /** The subscription a subscription-API URL names: the segment after {@code subscriptions}. */
    private static final Pattern SUBSCRIPTION_API_ID = Pattern.compile("(?i)^/+subscriptions/+([^/]+)");
    private static final String CONTROL_PLANE_PREFIX = "/_localpack";

    /** The request attribute that remembers the answer for the request's path (several filters ask, per request). */
    private static final String REMEMBERED = Api.class.getName();

    private record Remembered(String path, Api api) {
    }

    /** The answers for the paths seen last: matching the patterns above was 3 % of a kept ASM read's samples. */
    private static final RememberedPaths<Api> REMEMBERED_PATHS = new RememberedPaths<>();

    public static Api of(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (request.getAttribute(REMEMBERED) instanceof Remembered remembered && remembered.path().equals(path)) {
            return remembered.api();
        }
        Api api = of(path);
        request.setAttribute(REMEMBERED, new Remembered(path, api));
        return api;
    }

    public static Api of(String path) {
        Api known = REMEMBERED_PATHS.get(path);
        if (known != null) {
            return known;
        }
        Api api = classify(path);
        REMEMBERED_PATHS.put(path, api);
        return api;
    }

    private static Api classify(String path) {
        if (path.startsWith(CONTROL_PLANE_PREFIX)) {
            return CONTROL_PLANE;
        }
        // before VMM and ASM: "/subscriptions/…" has the shape of a tenant URL with a first segment that is no id
        if (SUBSCRIPTIONS_PATH.matcher(path).matches()) {
            return SUBSCRIPTIONS;
        }
        // before VMM: the VM Role API also answers under the VMM root
        if (VM_ROLES_PATH.matcher(path).matches()) {
            return VM_ROLES;
        }
        if (VMM_PATH.matcher(path).matches()) {
            return VMM;
        }
        return ASM_PATH.matcher(path).matches() || ASM_SUBSCRIPTION.matcher(path).matches() ? ASM : OTHER;
    }

    /**
     * The subscription a tenant URL names: its first segment, when that is a GUID; in the subscription API the
     * segment after {@code /subscriptions/}.
     */
    public static Optional<UUID> subscriptionOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        Matcher subscriptionApi = SUBSCRIPTION_API_ID.matcher(path);
        String first;
        if (subscriptionApi.lookingAt()) {
            first = subscriptionApi.group(1);
        } else {
            int end = path.indexOf('/', 1);
            first = end < 0 ? path.substring(1) : path.substring(1, end);
        }
        try {
            return first.length() == 36 ? Optional.of(UUID.fromString(first)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
