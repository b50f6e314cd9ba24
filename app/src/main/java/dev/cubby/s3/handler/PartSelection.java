package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.UploadedPart;
import dev.cubby.s3.S3Request;
import dev.cubby.store.MultipartStore;
import dev.cubby.store.StoredObject;
import java.util.List;
import java.util.Optional;

/**
 * GetObject and HeadObject with {@code ?partNumber=N}: a ranged read of part N of a multipart
 * object, as it was uploaded. An object not uploaded in parts is its own part 1. A part the object
 * does not have is InvalidPart (400, as S3 answers); a Range header beside it is InvalidRequest.
 *
 * @param range      the part's bytes; empty for a part of no bytes
 * @param partsCount the object's number of parts (x-amz-mp-parts-count), null when it was not uploaded in parts
 * @param checksum   the part's own checksum, of the object's algorithm; null when none is kept
 */
record PartSelection(Optional<ByteRange> range, Integer partsCount, String checksum) {

    /** Empty when the request names no part. */
    static Optional<PartSelection> of(S3Request request, StoredObject object, MultipartStore uploads) {
        if (!request.hasParam("partNumber")) {
            return Optional.empty();
        }
        int wanted = WholeNumberParameter.partNumber(request.param("partNumber"));
        if (request.header("range") != null) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST,
                    "Cannot specify both Range header and partNumber query parameter: send one of them.");
        }
        List<UploadedPart> parts = uploads.partsOf(object);
        Integer count = object.partsCount();
        if (parts.isEmpty()) {
            // Not uploaded in parts, or in one part whose size is the object's.
            if (wanted == 1 && (count == null || count == 1)) {
                return Optional.of(new PartSelection(bytes(0, object.size()), count, null));
            }
            throw S3Exception.of(S3ErrorCode.INVALID_PART, count == null
                    ? "The object has no part " + wanted + ": it was not uploaded in parts, so its only part is 1."
                    : "Cubby does not know where part " + wanted + " of this object lies: it was completed before "
                    + "Cubby kept the sizes of parts. Read it with a Range header instead.");
        }
        long offset = 0;
        for (UploadedPart part : parts) {
            if (part.partNumber() == wanted) {
                return Optional.of(new PartSelection(bytes(offset, part.size()), parts.size(), part.checksum()));
            }
            offset += part.size();
        }
        throw S3Exception.of(S3ErrorCode.INVALID_PART, "The object has no part " + wanted + ": it was assembled from "
                + parts.size() + " parts, numbered " + parts.getFirst().partNumber() + " to "
                + parts.getLast().partNumber() + ".");
    }

    private static Optional<ByteRange> bytes(long offset, long size) {
        return size == 0 ? Optional.empty() : Optional.of(new ByteRange(offset, offset + size - 1));
    }
}
