package io.localpack.dialect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What an OData URL addresses, as far as the formats it can be written in go. */
public enum ODataResource {
    /** The service root: a service document. */
    SERVICE_DOCUMENT,
    /** {@code $metadata}: XML only. */
    METADATA,
    /** {@code $count} and {@code $value}: a raw value, text/plain. */
    RAW_VALUE,
    /** {@code $batch}: a multipart body. */
    BATCH,
    /** Entity sets, entities, properties, links: the dialect's JSON and Atom formats. */
    DATA;

    /** @param odataPath the part of the URL after the service root, as sent (may be empty or null) */
    public static ODataResource of(String odataPath) {
        if (odataPath == null || odataPath.isEmpty() || odataPath.equals("/")) {
            return SERVICE_DOCUMENT;
        }
        String path = odataPath.endsWith("/") ? odataPath.substring(0, odataPath.length() - 1) : odataPath;
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            last = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return DATA; // a malformed escape is Olingo's to refuse
        }
        return switch (last.toLowerCase(Locale.ROOT)) {
            case "$metadata" -> METADATA;
            case "$count", "$value" -> RAW_VALUE;
            case "$batch" -> BATCH;
            default -> DATA;
        };
    }

    /** The one media type of a resource that has only one; null for those with a choice. */
    String onlyRepresentation() {
        return switch (this) {
            case METADATA -> "application/xml";
            case RAW_VALUE -> "text/plain";
            case BATCH -> "multipart/mixed";
            default -> null;
        };
    }
}
