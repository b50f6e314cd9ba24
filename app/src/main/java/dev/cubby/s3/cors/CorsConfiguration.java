package dev.cubby.s3.cors;

import dev.cubby.s3.xml.XmlDocument;
import dev.cubby.s3.xml.XmlWriter;
import java.util.List;
import java.util.Optional;

/**
 * A bucket's CORS rules in their order, as PutBucketCors stored them and GetBucketCors answers
 * them. The first rule that matches a request decides, as in S3.
 */
public record CorsConfiguration(List<CorsRule> rules) implements XmlDocument {
    public CorsConfiguration {
        rules = List.copyOf(rules);
    }

    /**
     * The first rule that allows this origin, method and requested headers.
     *
     * @param requestHeaders the headers a preflight asks for, lower case; empty for an actual request
     */
    public Optional<CorsRule> firstMatch(String origin, String method, List<String> requestHeaders) {
        return rules.stream()
                .filter(rule -> rule.allowsOrigin(origin) && rule.allowsMethod(method)
                        && rule.allowsHeaders(requestHeaders))
                .findFirst();
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("CORSConfiguration");
        for (CorsRule rule : rules) {
            xml.start("CORSRule").element("ID", rule.id());
            rule.allowedHeaders().forEach(header -> xml.element("AllowedHeader", header));
            rule.allowedMethods().forEach(method -> xml.element("AllowedMethod", method));
            rule.allowedOrigins().forEach(origin -> xml.element("AllowedOrigin", origin));
            rule.exposeHeaders().forEach(header -> xml.element("ExposeHeader", header));
            xml.element("MaxAgeSeconds", rule.maxAgeSeconds()).end();
        }
        xml.end();
    }
}
