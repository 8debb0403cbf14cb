package io.localpack.dialect;

import java.util.Locale;

/** Media types of the two OData dialects. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /**
     * The V4 equivalent of a V3 media type or Accept list: JSON light ({@code odata=minimalmetadata|fullmetadata|
     * nometadata}) becomes {@code odata.metadata=minimal|full|none}; V3's verbose JSON has no V4 twin and is served as
     * minimal metadata. V4 media types pass unchanged.
     */
    public static String toV4(String mediaTypes) {
        if (!mediaTypes.toLowerCase(Locale.ROOT).contains("odata=")) {
            return mediaTypes;
        }
        StringBuilder out = new StringBuilder();
        for (String range : mediaTypes.split(",")) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            StringBuilder translated = new StringBuilder();
            for (String part : range.split(";")) {
                String p = part.trim();
                String lower = p.toLowerCase(Locale.ROOT);
                if (lower.startsWith("odata=")) {
                    String level = lower.substring("odata=".length());
                    p = switch (level) {
                        case "fullmetadata" -> "odata.metadata=full";
                        case "nometadata" -> "odata.metadata=none";
                        default -> "odata.metadata=minimal";
                    };
                } else if (lower.startsWith("streaming=")) {
                    continue;
                }
                if (!translated.isEmpty()) {
                    translated.append(';');
                }
                translated.append(p);
            }
            out.append(translated);
        }
        return out.toString();
    }
}
