package dev.cubby.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the few things the bench needs from S3's XML answers, with StAX (no DTDs, no external entities). */
final class XmlScan {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** How many {@code countElement} elements there are, and the text of the first {@code textElement}. */
    record Scan(int count, String text) {
    }

    private XmlScan() {
    }

    static Scan scan(byte[] xml, String countElement, String textElement) throws IOException {
        int count = 0;
        String text = null;
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals(countElement)) {
                        count++;
                    } else if (name.equals(textElement) && text == null) {
                        text = reader.getElementText();
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("answer is not XML: " + e.getMessage(), e);
        }
        return new Scan(count, text);
    }
}
