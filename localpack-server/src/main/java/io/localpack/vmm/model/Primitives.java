package io.localpack.vmm.model;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

/** The Edm primitive types SPF's VMM schema uses, under the names declarations read best with. */
public final class Primitives {

    public static final EdmPrimitiveTypeKind GUID = EdmPrimitiveTypeKind.Guid;
    public static final EdmPrimitiveTypeKind STRING = EdmPrimitiveTypeKind.String;
    public static final EdmPrimitiveTypeKind BOOLEAN = EdmPrimitiveTypeKind.Boolean;
    public static final EdmPrimitiveTypeKind BYTE = EdmPrimitiveTypeKind.Byte;
    public static final EdmPrimitiveTypeKind INT16 = EdmPrimitiveTypeKind.Int16;
    public static final EdmPrimitiveTypeKind INT32 = EdmPrimitiveTypeKind.Int32;
    /** A JSON string on the wire in V3 and in IEEE754-compatible V4, as SPF writes it. */
    public static final EdmPrimitiveTypeKind INT64 = EdmPrimitiveTypeKind.Int64;
    /** A JSON string on the wire, as Int64. */
    public static final EdmPrimitiveTypeKind DECIMAL = EdmPrimitiveTypeKind.Decimal;
    /** SPF's Edm.DateTime; V4 has only DateTimeOffset, and SPF's values carry an offset anyway. */
    public static final EdmPrimitiveTypeKind DATE_TIME = EdmPrimitiveTypeKind.DateTimeOffset;

    private Primitives() {
    }
}
