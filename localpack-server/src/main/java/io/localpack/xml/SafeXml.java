package io.localpack.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one way LocalPack parses tenant XML: DTDs, external entities and XInclude off, so XXE cannot happen. Also the
 * one XML writer factory: looking a factory up costs a class-path scan, too much to do per response.
 */
public final class SafeXml {

    private static final XMLOutputFactory WRITERS = XMLOutputFactory.newFactory();

    private SafeXml() {
    }

    /** A namespace-aware builder whose errors surface only as exceptions (no console noise). */
    public static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder;
    }

    /** A streaming writer on {@code out}. */
    public static XMLStreamWriter newWriter(java.io.Writer out) throws XMLStreamException {
        return WRITERS.createXMLStreamWriter(out);
    }

    /** A UTF-8 streaming writer on {@code out}. */
    public static XMLStreamWriter newWriter(java.io.OutputStream out) throws XMLStreamException {
        return WRITERS.createXMLStreamWriter(out, "utf-8");
    }
}
