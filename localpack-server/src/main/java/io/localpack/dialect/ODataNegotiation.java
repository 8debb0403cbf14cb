package io.localpack.dialect;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place an OData answer's format is chosen: {@code $format} when given, else the Accept header by
 * {@link AcceptHeader}'s RFC 9110 rules over the formats the dialect can write for the resource.
 */
public final class ODataNegotiation {

    /**
     * The negotiated format.
     *
     * @param v3Json the V3 JSON format to write (Atom is rendered from its full-metadata twin); null for V4 answers
     *     and for V3 resources with one representation, whose errors are then JSON light
     * @param atom a V3 answer in Atom
     * @param olingoAccept the Accept header to hand Olingo when it is not decided by {@code v3Json} or $metadata;
     *     null to pass the client's own (after V3 → V4 translation)
     * @param offer the media type chosen from the Accept header; null when $format or a single representation
     *     decided
     */
    public record Negotiated(V3JsonFormat v3Json, boolean atom, String olingoAccept, String offer) {
        /** The client's Accept as sent; errors in JSON (light for V3). Also what a 406 is written in. */
        public static final Negotiated AS_SENT = new Negotiated(null, false, null, null);

        Negotiated(V3JsonFormat v3Json, boolean atom, String olingoAccept) {
            this(v3Json, atom, olingoAccept, null);
        }

        /** JSON light is a V3 format; verbose JSON and Atom (and the raw formats) are V1's. */
        public DataServiceVersion formatNeeds() {
            return !atom && v3Json != null && v3Json != V3JsonFormat.VERBOSE ? DataServiceVersion.V3
                    : DataServiceVersion.V1;
        }

        Negotiated chosenAs(String chosenOffer) {
            return new Negotiated(v3Json, atom, olingoAccept, chosenOffer);
        }
    }

    /** What V3 entity data can be written in, in WCF Data Services 5.x's order of preference for plain JSON. */
    private static final Map<String, Negotiated> V3_DATA = new LinkedHashMap<>();
    /**
     * What the V3 service root can be written in: AtomPub first, which WCF Data Services answers to a wildcard (and
     * to no Accept), then plain XML and the JSON formats (an Atom feed or entry is not a service document).
     */
    private static final Map<String, Negotiated> V3_SERVICE_DOCUMENT = new LinkedHashMap<>();
    /** What V4 entity data can be written in, Olingo's default first. */
    private static final List<String> V4_DATA = List.of("application/json;odata.metadata=minimal",
            "application/json;odata.metadata=full", "application/json;odata.metadata=none",
            "application/atom+xml", "application/xml");

    /** What $metadata can be written in for an OData 4.01 client, XML first (the one form a 4.0 client reads). */
    private static final List<String> V401_METADATA = List.of("application/xml", "application/json");

    /** Whether a V4 client says it reads OData 4.01 ({@code OData-MaxVersion}, else {@code OData-Version}). */
    static boolean speaksV401(HttpServletRequest request) {
        String version = request.getHeader("OData-MaxVersion");
        if (version == null) {
            version = request.getHeader("OData-Version");
        }
        if (version == null) {
            return false;
        }
        try {
            return new java.math.BigDecimal(version.trim()).compareTo(new java.math.BigDecimal("4.01")) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static {
        V3_DATA.put("application/json;odata=minimalmetadata", json(V3JsonFormat.MINIMAL_METADATA));
        V3_DATA.put("application/json;odata=fullmetadata", json(V3JsonFormat.FULL_METADATA));
        V3_DATA.put("application/json;odata=nometadata", json(V3JsonFormat.NO_METADATA));
        V3_DATA.put("application/json;odata=verbose", json(V3JsonFormat.VERBOSE));
        V3_DATA.put("application/atom+xml", new Negotiated(V3JsonFormat.FULL_METADATA, true, null));
        V3_DATA.put("application/xml", new Negotiated(V3JsonFormat.FULL_METADATA, true, null));
        V3_SERVICE_DOCUMENT.put("application/atomsvc+xml", V3_DATA.get("application/xml"));
        V3_DATA.forEach((offer, format) -> {
            if (!offer.equals("application/atom+xml")) {
                V3_SERVICE_DOCUMENT.put(offer, format);
            }
        });
    }

    private ODataNegotiation() {
    }

    /**
     * A V3 request's answer format among those its {@code MaxDataServiceVersion} can read (below 3.0 there is no
     * JSON light, and plain JSON is verbose, as WCF Data Services 5.x answers); empty when nothing the client accepts
     * can be written (406).
     */
    public static Optional<Negotiated> v3(HttpServletRequest request, ODataResource resource) {
        DataServiceVersion max = DataServiceVersion.maxOf(request);
        String format = ODataDialect.formatOption(request.getQueryString());
        if (format != null) {
            return v3Format(format.trim().toLowerCase(Locale.ROOT), max);
        }
        AcceptHeader accept = AcceptHeader.parse(request.getHeader("Accept"));
        String only = resource.onlyRepresentation();
        if (only != null) {
            return accept.refuses(only) ? Optional.empty() : Optional.of(new Negotiated(null, false, "*/*"));
        }
        Map<String, Negotiated> offers = resource == ODataResource.SERVICE_DOCUMENT ? V3_SERVICE_DOCUMENT : V3_DATA;
        List<String> readable = offers.keySet().stream()
                .filter(offer -> max.atLeast(offers.get(offer).formatNeeds())).toList();
        return accept.choose(readable)
                .map(choice -> offers.get(choice.offer()).chosenAs(choice.offer()));
    }

    /** A V4 request's answer format; empty when nothing the client accepts can be written (406). */
    public static Optional<Negotiated> v4(HttpServletRequest request, ODataResource resource) {
        if (ODataDialect.formatOption(request.getQueryString()) != null) {
            return Optional.of(Negotiated.AS_SENT); // Olingo reads $format itself
        }
        AcceptHeader accept = AcceptHeader.parse(request.getHeader("Accept"));
        if (resource == ODataResource.METADATA && speaksV401(request)) {
            // JSON CSDL came with OData 4.01: a 4.01 client gets it for application/json, XML otherwise
            return accept.isEmpty() ? Optional.of(new Negotiated(null, false, "application/xml"))
                    : accept.choose(V401_METADATA).map(choice -> new Negotiated(null, false, choice.offer()));
        }
        String only = resource.onlyRepresentation();
        if (only != null) {
            return accept.refuses(only) ? Optional.empty() : Optional.of(new Negotiated(null, false, "*/*"));
        }
        if (accept.isEmpty()) {
            return Optional.of(Negotiated.AS_SENT);
        }
        return accept.choose(V4_DATA).map(choice -> new Negotiated(null, false, choice.asRequested()));
    }

    /**
     * The V3 format {@code $format} names (plain JSON is verbose for a client below 3.0; JSON light it cannot read is
     * refused); a value it cannot name is left for Olingo to refuse.
     */
    private static Optional<Negotiated> v3Format(String format, DataServiceVersion max) {
        if (format.equals("json") || format.equals("application/json")) {
            return Optional.of(json(max.atLeast(DataServiceVersion.V3) ? V3JsonFormat.MINIMAL_METADATA
                    : V3JsonFormat.VERBOSE));
        }
        if (format.startsWith("application/json")) {
            Negotiated named = json(V3JsonFormat.ofJsonMediaType(format));
            return max.atLeast(named.formatNeeds()) ? Optional.of(named) : Optional.empty();
        }
        if (format.equals("atom") || format.equals("xml") || format.startsWith("application/atom+xml")
                || format.startsWith("application/xml")) {
            return Optional.of(new Negotiated(V3JsonFormat.FULL_METADATA, true, null));
        }
        return Optional.of(Negotiated.AS_SENT);
    }

    private static Negotiated json(V3JsonFormat format) {
        return new Negotiated(format, false, null);
    }
}
