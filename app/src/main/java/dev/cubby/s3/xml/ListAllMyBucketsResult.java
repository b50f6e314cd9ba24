package dev.cubby.s3.xml;

import dev.cubby.s3.HttpDates;
import java.time.Instant;
import java.util.List;

/**
 * The ListBuckets answer: one page of buckets, the token of the next page (null on the last) and
 * the prefix asked for (null when none).
 */
public record ListAllMyBucketsResult(Owner owner, List<Entry> buckets, String continuationToken, String prefix)
        implements XmlDocument {

    public record Entry(String name, Instant created) {
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("ListAllMyBucketsResult");
        owner.writeTo(xml);
        xml.start("Buckets");
        for (Entry bucket : buckets) {
            xml.start("Bucket").element("Name", bucket.name())
                    .element("CreationDate", HttpDates.xml(bucket.created())).end();
        }
        xml.end().element("ContinuationToken", continuationToken).element("Prefix", prefix).end();
    }
}
