package io.localpack.web;

import jakarta.servlet.ServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Secret values an API found inside a request body where no member name says so (a VM Role's Credential parameter
 * sits inside the ParameterValues string): the API names them here, and the request journal masks every occurrence
 * before it keeps the body.
 */
public final class JournalSecrets {

    private static final String ATTRIBUTE = JournalSecrets.class.getName();

    private JournalSecrets() {
    }

    /** Masks {@code value} in this request's journal entry (blank values are ignored). */
    public static void hide(ServletRequest request, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        of(request).add(value);
    }

    /** The values to mask, as the APIs named them; a live set, empty when none were. */
    @SuppressWarnings("unchecked")
    public static Set<String> of(ServletRequest request) {
        Object secrets = request.getAttribute(ATTRIBUTE);
        if (secrets instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> created = new LinkedHashSet<>();
        request.setAttribute(ATTRIBUTE, created);
        return created;
    }
}
