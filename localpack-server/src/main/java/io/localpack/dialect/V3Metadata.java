package io.localpack.dialect;

import io.localpack.xml.SafeXml;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.olingo.commons.api.edm.provider.CsdlComplexType;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.edm.provider.CsdlStructuralType;

/**
 * The V3 {@code $metadata} document (EDMX 1.0, CSDL v3) of a V4 schema, so that V3 and V4 clients read one model.
 * V4 navigation properties become V3 ones with an Association each, and navigation property bindings become
 * AssociationSets. Association names follow WCF Data Services' reflection provider: {@code <Type>_<Navigation>},
 * with the roles {@code …_Source} and {@code …_Target}.
 */
public final class V3Metadata {

    static final String EDMX = "http://schemas.microsoft.com/ado/2007/06/edmx";
    static final String METADATA = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
    static final String EDM = "http://schemas.microsoft.com/ado/2009/11/edm";

    /** WCF Data Services' Content-Type for $metadata. */
    public static final String CONTENT_TYPE = "application/xml;charset=utf-8";

    private final byte[] document;

    /** Writes the document once: the model does not change while the application runs. */
    public V3Metadata(List<CsdlSchema> schemas) {
        try {
            document = write(schemas);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the V3 $metadata document", e);
        }
    }

    /** The document (or, for HEAD, only its headers). */
    public void writeTo(HttpServletResponse response, boolean headersOnly) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        ODataDialect.V3.declareOn(response);
        response.setContentLength(document.length);
        if (!headersOnly) {
            response.getOutputStream().write(document);
        }
    }

    private static byte[] write(List<CsdlSchema> schemas) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = SafeXml.newWriter(out);
        xml.writeStartDocument("utf-8", "1.0");
        xml.writeStartElement("edmx", "Edmx", EDMX);
        xml.writeAttribute("Version", "1.0");
        xml.writeNamespace("edmx", EDMX);
        xml.writeStartElement(EDMX, "DataServices");
        xml.writeNamespace("m", METADATA);
        xml.writeAttribute(METADATA, "DataServiceVersion", "3.0");
        xml.writeAttribute(METADATA, "MaxDataServiceVersion", "3.0");
        for (CsdlSchema schema : schemas) {
            writeSchema(xml, schema);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toByteArray();
    }

    /** One V3 association: the navigation property it stands for, on its declaring entity type. */
    private record Association(String name, CsdlEntityType source, CsdlNavigationProperty navigation) {
        String sourceRole() {
            return name + "_Source";
        }

        String targetRole() {
            return name + "_Target";
        }
    }

    private static void writeSchema(XMLStreamWriter xml, CsdlSchema schema) throws XMLStreamException {
        String namespace = schema.getNamespace();
        xml.setDefaultNamespace(EDM);
        xml.writeStartElement(EDM, "Schema");
        xml.writeDefaultNamespace(EDM);
        xml.writeAttribute("Namespace", namespace);

        Map<String, Association> associations = new LinkedHashMap<>();
        for (CsdlEntityType type : schema.getEntityTypes()) {
            xml.writeStartElement(EDM, "EntityType");
            xml.writeAttribute("Name", type.getName());
            writeBaseType(xml, type);
            if (type.getKey() != null && !type.getKey().isEmpty()) {
                xml.writeStartElement(EDM, "Key");
                for (CsdlPropertyRef ref : type.getKey()) {
                    xml.writeEmptyElement(EDM, "PropertyRef");
                    xml.writeAttribute("Name", ref.getName());
                }
                xml.writeEndElement();
            }
            writeProperties(xml, type);
            for (CsdlNavigationProperty navigation : type.getNavigationProperties()) {
                Association association = new Association(type.getName() + "_" + navigation.getName(), type,
                        navigation);
                associations.put(association.name(), association);
                xml.writeEmptyElement(EDM, "NavigationProperty");
                xml.writeAttribute("Name", navigation.getName());
                xml.writeAttribute("Relationship", namespace + "." + association.name());
                xml.writeAttribute("FromRole", association.sourceRole());
                xml.writeAttribute("ToRole", association.targetRole());
            }
            xml.writeEndElement();
        }
        for (CsdlComplexType type : schema.getComplexTypes()) {
            xml.writeStartElement(EDM, "ComplexType");
            xml.writeAttribute("Name", type.getName());
            writeBaseType(xml, type);
            writeProperties(xml, type);
            xml.writeEndElement();
        }
        for (Association association : associations.values()) {
            xml.writeStartElement(EDM, "Association");
            xml.writeAttribute("Name", association.name());
            xml.writeEmptyElement(EDM, "End");
            xml.writeAttribute("Type", namespace + "." + association.source().getName());
            xml.writeAttribute("Role", association.sourceRole());
            xml.writeAttribute("Multiplicity", "*");
            xml.writeEmptyElement(EDM, "End");
            xml.writeAttribute("Type", association.navigation().getType());
            xml.writeAttribute("Role", association.targetRole());
            xml.writeAttribute("Multiplicity", association.navigation().isCollection() ? "*" : "0..1");
            xml.writeEndElement();
        }
        if (schema.getEntityContainer() != null) {
            writeContainer(xml, schema, associations);
        }
        xml.writeEndElement();
    }

    private static void writeContainer(XMLStreamWriter xml, CsdlSchema schema, Map<String, Association> associations)
            throws XMLStreamException {
        String namespace = schema.getNamespace();
        xml.writeStartElement(EDM, "EntityContainer");
        xml.writeAttribute("Name", schema.getEntityContainer().getName());
        xml.writeAttribute(METADATA, "IsDefaultEntityContainer", "true");
        List<CsdlEntitySet> sets = schema.getEntityContainer().getEntitySets();
        for (CsdlEntitySet set : sets) {
            xml.writeEmptyElement(EDM, "EntitySet");
            xml.writeAttribute("Name", set.getName());
            xml.writeAttribute("EntityType", set.getType());
        }
        for (CsdlEntitySet set : sets) {
            for (CsdlNavigationPropertyBinding binding : set.getNavigationPropertyBindings()) {
                String typeName = set.getTypeFQN().getName();
                Association association = associations.get(typeName + "_" + binding.getPath());
                if (association == null) {
                    // Bindings through complex properties or to derived types have no V3 form; the model has none.
                    throw new IllegalStateException("No navigation property " + binding.getPath() + " on " + typeName);
                }
                xml.writeStartElement(EDM, "AssociationSet");
                xml.writeAttribute("Name", set.getName() + "_" + binding.getPath());
                xml.writeAttribute("Association", namespace + "." + association.name());
                xml.writeEmptyElement(EDM, "End");
                xml.writeAttribute("Role", association.sourceRole());
                xml.writeAttribute("EntitySet", set.getName());
                xml.writeEmptyElement(EDM, "End");
                xml.writeAttribute("Role", association.targetRole());
                xml.writeAttribute("EntitySet", binding.getTarget());
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    private static void writeBaseType(XMLStreamWriter xml, CsdlStructuralType type) throws XMLStreamException {
        if (type.getBaseType() != null) {
            xml.writeAttribute("BaseType", type.getBaseType());
        }
        if (type.isAbstract()) {
            xml.writeAttribute("Abstract", "true");
        }
    }

    private static void writeProperties(XMLStreamWriter xml, CsdlStructuralType type) throws XMLStreamException {
        for (CsdlProperty property : type.getProperties()) {
            xml.writeEmptyElement(EDM, "Property");
            xml.writeAttribute("Name", property.getName());
            String v3Type = v3Type(property.getType());
            xml.writeAttribute("Type", property.isCollection() ? "Collection(" + v3Type + ")" : v3Type);
            xml.writeAttribute("Nullable", Boolean.toString(property.isNullable()));
        }
    }

    /** SPF's timestamps are Edm.DateTime; V4 has no DateTime, so the shared model types them DateTimeOffset. */
    static String v3Type(String v4Type) {
        return switch (v4Type) {
            case "Edm.DateTimeOffset" -> "Edm.DateTime";
            default -> v4Type;
        };
    }
}
