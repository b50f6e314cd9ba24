package dev.cubby.s3.cors;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates a {@code <CORSConfiguration>} as S3 does: 1 to 100 rules, each with at
 * least one AllowedMethod (GET, PUT, POST, DELETE or HEAD) and one AllowedOrigin, at most one
 * {@code *} in an AllowedOrigin or AllowedHeader, a whole number of MaxAgeSeconds, nothing else.
 * Structure errors are MalformedXML; a bad value is InvalidRequest naming it.
 */
public final class CorsConfigurationReader {
    /** S3 limits the document to 64 KB. */
    public static final int MAX_BYTES = 64 * 1024;
    static final int MAX_RULES = 100;
    private static final int MAX_ID_CHARS = 255;
    private static final Set<String> RULE_ELEMENTS = Set.of("ID", "AllowedOrigin", "AllowedMethod", "AllowedHeader",
            "ExposeHeader", "MaxAgeSeconds");

    private CorsConfigurationReader() {
    }

    public static CorsConfiguration parse(byte[] body) {
        XmlElement root = SafeXmlReader.parse(new ByteArrayInputStream(body), MAX_BYTES);
        if (!root.name().equals("CORSConfiguration")) {
            throw malformed("Expected <CORSConfiguration>, found <" + root.name() + ">.");
        }
        var rules = new ArrayList<CorsRule>();
        for (XmlElement child : root.children()) {
            if (!child.name().equals("CORSRule")) {
                throw malformed("<CORSConfiguration> holds only <CORSRule> elements, not <" + child.name() + ">.");
            }
            rules.add(rule(child, rules.size() + 1));
        }
        if (rules.isEmpty()) {
            throw malformed("<CORSConfiguration> needs at least one <CORSRule>.");
        }
        if (rules.size() > MAX_RULES) {
            throw malformed("A CORS configuration holds at most " + MAX_RULES + " rules; this one has " + rules.size()
                    + ".");
        }
        return new CorsConfiguration(rules);
    }

    private static CorsRule rule(XmlElement rule, int number) {
        for (XmlElement child : rule.children()) {
            if (!RULE_ELEMENTS.contains(child.name())) {
                throw malformed("<CORSRule> number " + number + " holds an unknown element <" + child.name() + ">.");
            }
        }
        String id = rule.childText("ID").orElse(null);
        if (rule.childrenNamed("ID").size() > 1 || rule.childrenNamed("MaxAgeSeconds").size() > 1) {
            throw malformed("<CORSRule> number " + number + " names its ID or MaxAgeSeconds more than once.");
        }
        if (id != null && id.length() > MAX_ID_CHARS) {
            throw invalid("The ID of CORS rule number " + number + " is longer than " + MAX_ID_CHARS + " characters.");
        }
        List<String> origins = texts(rule, "AllowedOrigin");
        List<String> methods = texts(rule, "AllowedMethod");
        if (origins.isEmpty() || methods.isEmpty()) {
            throw malformed("<CORSRule> number " + number + " needs at least one <AllowedOrigin> and one "
                    + "<AllowedMethod>.");
        }
        for (String method : methods) {
            if (!CorsRule.METHODS.contains(method)) {
                throw invalid("Found unsupported HTTP method in CORS config. Unsupported method is " + method
                        + " (allowed: GET, PUT, POST, DELETE, HEAD).");
            }
        }
        for (String origin : origins) {
            if (!Wildcard.hasAtMostOne(origin)) {
                throw invalid("AllowedOrigin \"" + origin + "\" can not have more than one wildcard.");
            }
        }
        List<String> headers = texts(rule, "AllowedHeader");
        for (String header : headers) {
            if (!Wildcard.hasAtMostOne(header)) {
                throw invalid("AllowedHeader \"" + header + "\" can not have more than one wildcard.");
            }
        }
        return new CorsRule(id, origins, methods, headers, texts(rule, "ExposeHeader"), maxAge(rule, number));
    }

    private static Integer maxAge(XmlElement rule, int number) {
        String text = rule.childText("MaxAgeSeconds").orElse(null);
        if (text == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed("<MaxAgeSeconds> of CORS rule number " + number + " must be a whole number of seconds, not '"
                + text + "'.");
    }

    private static List<String> texts(XmlElement rule, String name) {
        return rule.childrenNamed(name).stream().map(XmlElement::text).toList();
    }

    private static S3Exception malformed(String message) {
        return S3Exception.of(S3ErrorCode.MALFORMED_XML, message);
    }

    private static S3Exception invalid(String message) {
        return S3Exception.of(S3ErrorCode.INVALID_REQUEST, message);
    }
}
