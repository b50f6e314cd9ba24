package dev.cubby.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Parses response documents with the JDK's DOM, DTDs and external entities off; finds elements by local name. */
public final class Xml {
    private Xml() {
    }

    public static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not an XML document: " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** Every element with this local name under {@code node}, in document order. */
    public static List<Element> elements(Node node, String localName) {
        NodeList list = node instanceof Document document
                ? document.getElementsByTagNameNS("*", localName)
                : ((Element) node).getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    /** The text of the first element with this local name, or {@code null} when there is none. */
    public static String text(Node node, String localName) {
        List<Element> found = elements(node, localName);
        return found.isEmpty() ? null : found.getFirst().getTextContent();
    }

    /** The local names of the root element's child elements, in order. */
    public static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }
}
