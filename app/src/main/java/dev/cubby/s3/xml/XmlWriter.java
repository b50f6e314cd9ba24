package dev.cubby.s3.xml;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one S3 response document with the JDK's StAX writer, so every value is escaped. The
 * documents are small (a listing page at most), so they are rendered to bytes to send a
 * Content-Length.
 */
public final class XmlWriter {
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter out;

    private XmlWriter(XMLStreamWriter out) {
        this.out = out;
    }

    public static byte[] render(XmlDocument document) {
        var bytes = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            document.writeTo(new XmlWriter(writer));
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render " + document.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }

    /** Opens the root element with S3's namespace. */
    public XmlWriter startRoot(String name) {
        return call(() -> {
            out.writeStartElement(name);
            out.writeDefaultNamespace(S3_NAMESPACE);
        });
    }

    public XmlWriter start(String name) {
        return call(() -> out.writeStartElement(name));
    }

    /**
     * Gives the element just started an {@code xsi:type} (as S3's Grantee has), declaring the
     * XML Schema instance namespace on it so the document stays well-formed with namespaces.
     */
    public XmlWriter xsiType(String type) {
        return call(() -> {
            out.writeNamespace("xsi", XSI_NAMESPACE);
            out.writeAttribute("xsi", XSI_NAMESPACE, "type", type);
        });
    }

    public XmlWriter end() {
        return call(out::writeEndElement);
    }

    public XmlWriter text(String value) {
        return call(() -> out.writeCharacters(xmlSafe(value)));
    }

    /** An element with text; nothing when the value is null. */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        return call(() -> {
            out.writeStartElement(name);
            out.writeCharacters(xmlSafe(value.toString()));
            out.writeEndElement();
        });
    }

    /**
     * XML 1.0 cannot carry most control characters, even escaped; a message quoting a bad key
     * or a file name with one would make the whole document unreadable. They become U+FFFD.
     */
    static String xmlSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isXmlChar(value.charAt(i))) {
                var out = new StringBuilder(value.length());
                value.chars().forEach(c -> out.append(isXmlChar((char) c) ? (char) c : '\uFFFD'));
                return out.toString();
            }
        }
        return value;
    }

    private static boolean isXmlChar(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    private interface XmlCall {
        void run() throws XMLStreamException;
    }

    private XmlWriter call(XmlCall call) {
        try {
            call.run();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }
}
