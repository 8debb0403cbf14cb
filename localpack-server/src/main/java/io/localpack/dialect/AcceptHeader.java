package io.localpack.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Accept header read by RFC 9110 §12.5.1: each media type the server can write gets the quality of the most
 * specific range that matches it (type/subtype over type/* over *&#47;*, then the range naming more of its
 * parameters); the answer is the offer with the highest quality, ties going to the more specific match and then to
 * the server's own order; {@code q=0} means "not acceptable". A missing or blank header accepts everything.
 */
public final class AcceptHeader {

    /** One media range of the header, lower-cased, with its quality. */
    record Range(String type, String subtype, Map<String, String> parameters, double quality, String text) {

        /** How specifically this range matches the offer, or -1 when it does not match it at all. */
        int specificityFor(MediaType offer) {
            int level;
            if (type.equals("*")) {
                level = 0;
            } else if (!type.equals(offer.type())) {
                return -1;
            } else if (subtype.equals("*")) {
                level = 1;
            } else if (subtype.equals(offer.subtype())) {
                level = 2;
            } else {
                return -1;
            }
            int namedParameters = 0;
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                String offered = offer.parameters().get(parameter.getKey());
                // a parameter the offer does not declare (charset, streaming) does not tell the offers apart
                if (offered != null) {
                    if (!offered.equals(parameter.getValue())) {
                        return -1;
                    }
                    namedParameters++;
                }
            }
            return level * 100 + namedParameters;
        }

        /** The range as the client wrote it, without its quality; null for a wildcard. */
        String concrete() {
            return type.equals("*") || subtype.equals("*") ? null : text;
        }
    }

    /** A media type the server can write: type, subtype and the parameters that distinguish it from its siblings. */
    record MediaType(String type, String subtype, Map<String, String> parameters) {
        static MediaType parse(String text) {
            Range range = parseRange(text);
            return new MediaType(range.type(), range.subtype(), range.parameters());
        }
    }

    /**
     * The offer chosen for a request.
     *
     * @param offer the offer as the server listed it
     * @param asRequested the client's own range for it, without quality, when that range names a concrete type (its
     *     extra parameters, e.g. IEEE754Compatible, matter to the writer); otherwise the offer
     */
    public record Choice(String offer, String asRequested) {
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header != null) {
            for (String text : header.split(",")) {
                if (!text.isBlank()) {
                    ranges.add(parseRange(text));
                }
            }
        }
        return new AcceptHeader(ranges);
    }

    /** Whether the client sent no ranges at all, which accepts anything. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The offer the client prefers among those the server can write (in the server's order of preference), or empty
     * when none is acceptable.
     */
    public Optional<Choice> choose(List<String> offers) {
        Choice best = null;
        double bestQuality = 0;
        int bestSpecificity = -1;
        for (String offer : offers) {
            MediaType type = MediaType.parse(offer);
            Range match = mostSpecificMatch(type);
            double quality = match == null ? (ranges.isEmpty() ? 1 : 0) : match.quality();
            int specificity = match == null ? 0 : match.specificityFor(type);
            if (quality > bestQuality || (quality == bestQuality && quality > 0 && specificity > bestSpecificity)) {
                String concrete = match == null ? null : match.concrete();
                best = new Choice(offer, concrete == null ? offer : concrete);
                bestQuality = quality;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether the client refuses this media type outright: the most specific range that matches it has
     * {@code q=0}. A type no range mentions is not refused; resources with one representation ($count, $value,
     * $metadata) are then written in it anyway, as WCF Data Services and Olingo do.
     */
    public boolean refuses(String mediaType) {
        Range match = mostSpecificMatch(MediaType.parse(mediaType));
        return match != null && match.quality() == 0;
    }

    private Range mostSpecificMatch(MediaType offer) {
        Range best = null;
        int bestSpecificity = -1;
        for (Range range : ranges) {
            int specificity = range.specificityFor(offer);
            if (specificity > bestSpecificity) {
                best = range;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    private static Range parseRange(String text) {
        String[] parts = text.split(";");
        String fullType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (fullType.equals("*")) {
            fullType = "*/*"; // old clients (Java's URLConnection among them) send a bare "*"
        }
        int slash = fullType.indexOf('/');
        String type = slash < 0 ? fullType : fullType.substring(0, slash).trim();
        String subtype = slash < 0 ? "" : fullType.substring(slash + 1).trim();
        Map<String, String> parameters = new LinkedHashMap<>();
        double quality = 1;
        StringBuilder asWritten = new StringBuilder(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = unquote(parts[i].substring(equals + 1).trim()).toLowerCase(Locale.ROOT);
            if (name.equals("q")) {
                quality = qualityOf(value);
                break; // what follows q are accept-extensions, not media type parameters
            }
            parameters.put(name, value);
            asWritten.append(';').append(parts[i].trim());
        }
        return new Range(type, subtype, Map.copyOf(parameters), quality, asWritten.toString());
    }

    /** A malformed weight is read as 1, the weight of a range that names none, rather than refuse the request. */
    private static double qualityOf(String value) {
        try {
            double quality = Double.parseDouble(value);
            return quality < 0 || quality > 1 || Double.isNaN(quality) ? 1 : quality;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
