package dev.cubby.s3.xml;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one reader for XML request bodies: the JDK's StAX parser with DTDs and external entities
 * off, a cap on the bytes read, and namespaces ignored (clients differ in sending S3's). Any
 * problem is a MalformedXML error that says what was wrong.
 */
public final class SafeXmlReader {
    private static final XMLInputFactory FACTORY = hardenedFactory();
    private static final int MAX_DEPTH = 16;

    private SafeXmlReader() {
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** Parses a whole document of at most {@code maxBytes} into its root element. */
    public static XmlElement parse(InputStream body, long maxBytes) {
        var capped = new CappedInputStream(body, maxBytes);
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(capped);
            try {
                return readDocument(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            if (capped.exceeded()) {
                throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "The XML body is larger than " + maxBytes + " bytes.");
            }
            // The parser's own message names its internals; where it stopped is what the client can use.
            var at = e.getLocation();
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "The XML body is not well-formed"
                    + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")
                    + "; send one XML document as the S3 API reference gives it.");
        }
    }

    private static XmlElement readDocument(XMLStreamReader reader) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw S3Exception.of(S3ErrorCode.MALFORMED_XML,
                        "The XML body must not contain a DTD.");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw S3Exception.of(S3ErrorCode.MALFORMED_XML,
                        "The XML body must not use entity references.");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "The XML body is nested too deeply.");
                    }
                    open.push(new Builder(reader.getLocalName()));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // comments, processing instructions and whitespace carry nothing
                }
            }
        }
        if (root == null) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "The request body holds no XML element.");
        }
        return root;
    }

    private static final class Builder {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        XmlElement build() {
            String raw = text.toString();
            return new XmlElement(name, raw.strip(), List.copyOf(children), raw);
        }
    }

    private static final class CappedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;
        private boolean exceeded;

        CappedInputStream(InputStream in, long cap) {
            this.in = in;
            this.remaining = cap;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                if (in.read() == -1) {
                    return -1;
                }
                exceeded = true;
                throw new IOException("XML body over the size cap");
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
