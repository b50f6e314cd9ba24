package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.UploadedPart;
import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.GetObjectAttributesResponse;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.StoredObject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GetObjectAttributes (GET ?attributes): the attributes named in {@code x-amz-object-attributes},
 * looked up as HEAD looks the object up, so the ETag is as correct as HEAD's.
 *
 * <p>ObjectParts, for an object completed from a multipart upload: the parts count, and one page
 * of its parts (number, size, checksum) after {@code x-amz-part-number-marker}, at most
 * {@code x-amz-max-parts} (default and cap 1000), as ListParts pages. For an object whose parts'
 * sizes are not known (completed before Cubby kept them), the count alone, from its ETag's {@code -N}.
 */
public final class ObjectAttributesHandler {
    /** The attributes a client may ask for, by their names on the wire. */
    enum Attribute {
        ETAG("ETag"), CHECKSUM("Checksum"), OBJECT_PARTS("ObjectParts"), STORAGE_CLASS("StorageClass"),
        OBJECT_SIZE("ObjectSize");

        private final String wireName;

        Attribute(String wireName) {
            this.wireName = wireName;
        }
    }

    private static final String HEADER = "x-amz-object-attributes";
    private static final int MAX_PARTS = 1000;
    private static final String NAMES = Arrays.stream(Attribute.values()).map(a -> a.wireName)
            .collect(Collectors.joining(", "));

    private final ObjectStore store;

    public ObjectAttributesHandler(ObjectStore store) {
        this.store = store;
    }

    public S3Response get(S3Request request) {
        Set<Attribute> wanted = requested(request.headers().getOrDefault(HEADER, List.of()));
        StoredObject object = store.head(request.bucket(), request.key());
        var document = new GetObjectAttributesResponse(
                wanted.contains(Attribute.ETAG) ? object.etag() : null,
                wanted.contains(Attribute.CHECKSUM) ? object.checksum() : null,
                wanted.contains(Attribute.OBJECT_PARTS) ? objectParts(request, object) : null,
                wanted.contains(Attribute.STORAGE_CLASS) ? "STANDARD" : null,
                wanted.contains(Attribute.OBJECT_SIZE) ? object.size() : null);
        var headers = new ResponseHeaders().put("Last-Modified", HttpDates.header(object.lastModified()));
        return new S3Response.Xml(200, headers.build(), document);
    }

    private GetObjectAttributesResponse.ObjectParts objectParts(S3Request request, StoredObject object) {
        Integer count = object.partsCount();
        if (count == null) {
            return null;
        }
        int marker = WholeNumberParameter.nonNegative(request.header("x-amz-part-number-marker"), 0,
                "x-amz-part-number-marker");
        int max = Math.min(MAX_PARTS, WholeNumberParameter.nonNegative(request.header("x-amz-max-parts"), MAX_PARTS,
                "x-amz-max-parts"));
        List<UploadedPart> parts = store.multipart().partsOf(object);
        if (parts.isEmpty()) {
            return GetObjectAttributesResponse.ObjectParts.countOnly(count);
        }
        List<UploadedPart> after = parts.stream().filter(p -> p.partNumber() > marker).toList();
        boolean truncated = after.size() > max;
        List<UploadedPart> page = after.subList(0, Math.min(max, after.size()));
        Integer next = page.isEmpty() ? null : page.getLast().partNumber();
        return new GetObjectAttributesResponse.ObjectParts(parts.size(), marker, next, max, truncated, page,
                object.checksum() == null ? null : object.checksum().algorithm());
    }

    /** The attributes named in the header's values, each a comma-separated list; at least one. */
    static Set<Attribute> requested(List<String> headerValues) {
        var wanted = EnumSet.noneOf(Attribute.class);
        for (String value : headerValues) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    wanted.add(attribute(name.trim()));
                }
            }
        }
        if (wanted.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "GetObjectAttributes needs the " + HEADER
                    + " header: a comma-separated list of the attributes wanted, from " + NAMES + ".");
        }
        return wanted;
    }

    private static Attribute attribute(String name) {
        for (Attribute attribute : Attribute.values()) {
            if (attribute.wireName.equalsIgnoreCase(name)) {
                return attribute;
            }
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Invalid attribute name specified: '" + name + "'. "
                + HEADER + " takes a comma-separated list from " + NAMES + ".");
    }
}
