package io.localpack.dialect;

/** The JSON formats of OData V3: JSON light at three metadata levels, and the older verbose JSON. */
public enum V3JsonFormat {
    MINIMAL_METADATA("application/json;odata=minimalmetadata;streaming=true;charset=utf-8"),
    FULL_METADATA("application/json;odata=fullmetadata;streaming=true;charset=utf-8"),
    NO_METADATA("application/json;odata=nometadata;streaming=true;charset=utf-8"),
    VERBOSE("application/json;odata=verbose;charset=utf-8");

    private final String contentType;

    V3JsonFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The Content-Type WCF Data Services writes for this format. */
    public String contentType() {
        return contentType;
    }

    /** The V3 JSON format a (lower-case) JSON media type names; plain application/json is minimal metadata. */
    static V3JsonFormat ofJsonMediaType(String lowerCaseMediaType) {
        String compact = lowerCaseMediaType.replace(" ", "");
        if (compact.contains("odata=verbose")) {
            return VERBOSE;
        }
        if (compact.contains("odata=fullmetadata")) {
            return FULL_METADATA;
        }
        if (compact.contains("odata=nometadata")) {
            return NO_METADATA;
        }
        return MINIMAL_METADATA;
    }
}
