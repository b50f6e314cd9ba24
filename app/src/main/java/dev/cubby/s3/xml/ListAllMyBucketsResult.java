package dev.cubby.s3.xml;

import dev.cubby.s3.HttpDates;
import java.time.Instant;
import java.util.List;

/** The ListBuckets answer. */
public record ListAllMyBucketsResult(Owner owner, List<Entry> buckets) implements XmlDocument {

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
        xml.end().end();
    }
}
