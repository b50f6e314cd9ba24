package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The shipped Cyberduck profiles (Cyberduck cannot run here): well-formed, S3, path style, right scheme and port. */
class CyberduckProfileTest {

    @ParameterizedTest
    @CsvSource({"Cubby (HTTP).cyberduckprofile, http, 9000", "Cubby (HTTPS).cyberduckprofile, https, 9443"})
    void profileIsAPathStyleS3ProfileForItsScheme(String file, String scheme, String port) throws Exception {
        Path profile = Path.of(System.getProperty("cubby.jar")).getParent().getParent().getParent()
                .resolve("appliance/cyberduck").resolve(file);
        assertTrue(Files.isRegularFile(profile), profile.toString());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        Element dict = (Element) factory.newDocumentBuilder().parse(profile.toFile())
                .getDocumentElement().getElementsByTagName("dict").item(0);
        Map<String, Node> entries = new HashMap<>();
        String key = null;
        for (Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getTagName().equals("key")) {
                    key = e.getTextContent();
                } else {
                    entries.put(key, e);
                }
            }
        }
        assertEquals("s3", entries.get("Protocol").getTextContent());
        assertEquals(scheme, entries.get("Scheme").getTextContent());
        assertEquals(port, entries.get("Default Port").getTextContent());
        var properties = ((Element) entries.get("Properties")).getElementsByTagName("string");
        assertEquals(List.of("s3.bucket.virtualhost.disable=true"), List.of(properties.item(0).getTextContent()));
    }
}
