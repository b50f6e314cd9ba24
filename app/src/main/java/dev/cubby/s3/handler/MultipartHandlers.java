package dev.cubby.s3.handler;

import dev.cubby.auth.Permission;
import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.ChecksumType;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.MultipartUpload;
import dev.cubby.meta.UploadedPart;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.CompleteMultipartUploadResult;
import dev.cubby.s3.xml.CopyPartResult;
import dev.cubby.s3.xml.InitiateMultipartUploadResult;
import dev.cubby.s3.xml.ListMultipartUploadsResult;
import dev.cubby.s3.xml.ListPartsResult;
import dev.cubby.s3.Owners;
import dev.cubby.auth.AclRecords;
import dev.cubby.store.KeyOrder;
import dev.cubby.store.MultipartStore;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.OpenObject;
import dev.cubby.store.PartRequest;
import dev.cubby.store.StoreException;
import dev.cubby.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts
 * and ListMultipartUploads.
 */
public final class MultipartHandlers {
    private static final int MAX_LISTED = 1000;

    private final ObjectStore store;
    private final MultipartStore uploads;
    private final Owners owners;

    public MultipartHandlers(ObjectStore store, Owners owners) {
        this.store = store;
        this.uploads = store.multipart();
        this.owners = owners;
    }

    public S3Response create(S3Request request) {
        var acl = ObjectWriteAcl.decide(request, owners);
        ChecksumAlgorithm algorithm = ChecksumAlgorithmHeader.parse(request.header("x-amz-checksum-algorithm"));
        String typeHeader = request.header("x-amz-checksum-type");
        ChecksumType type = null;
        if (typeHeader != null) {
            type = ChecksumType.fromWireName(typeHeader).orElseThrow(() -> S3Exception.of(S3ErrorCode.INVALID_REQUEST,
                    "x-amz-checksum-type must be COMPOSITE or FULL_OBJECT."));
        } else if (algorithm != null) {
            type = ChecksumType.defaultFor(algorithm);
        }
        if (type == ChecksumType.FULL_OBJECT && (algorithm == ChecksumAlgorithm.SHA1 || algorithm == ChecksumAlgorithm.SHA256)) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "FULL_OBJECT checksums exist only for CRC algorithms.");
        }
        if (type == ChecksumType.COMPOSITE && algorithm == ChecksumAlgorithm.CRC64NVME) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "CRC64NVME supports only FULL_OBJECT checksums.");
        }
        var tags = TagSet.fromHeader(request.header("x-amz-tagging"));
        MultipartUpload upload = uploads.create(request.bucket(), request.key(), MetadataHeaders.read(request),
                algorithm, type, tags.tags());
        if (!acl.isDefault()) {
            owners.rememberUpload(request.bucket(), upload.uploadId(), new AclRecords.ObjectAcl(acl.ownerId(), acl.acl()));
        }
        var headers = new ResponseHeaders().put("x-amz-checksum-algorithm", upload.checksumAlgorithm())
                .put("x-amz-checksum-type", upload.checksumType()).build();
        return new S3Response.Xml(200, headers,
                new InitiateMultipartUploadResult(upload.bucket(), upload.key(), upload.uploadId()));
    }

    public S3Response uploadPart(S3Request request) {
        int partNumber = WholeNumberParameter.partNumber(request.param("partNumber"));
        MultipartUpload upload = uploads.upload(request.bucket(), request.key(), request.param("uploadId"));
        var expectation = ChecksumExpectation.of(request);
        ChecksumAlgorithm kept = upload.checksumAlgorithm() == null ? null
                : ChecksumAlgorithm.fromWireName(upload.checksumAlgorithm()).orElseThrow();
        if (kept != null && expectation.algorithm() != null && expectation.algorithm() != kept) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "This upload was created with " + kept.wireName()
                    + " checksums; its parts cannot carry " + expectation.algorithm().wireName() + ".");
        }
        var compute = EnumSet.noneOf(ChecksumAlgorithm.class);
        if (kept != null) {
            compute.add(kept);
        }
        if (expectation.algorithm() != null) {
            compute.add(expectation.algorithm());
        }
        UploadedPart part = uploads.uploadPart(new PartRequest(request.bucket(), request.key(), upload.uploadId(),
                partNumber, request.body(), compute, kept,
                digests -> expectation.verify(digests, request.trailers().get()), DeclaredLength.of(request)));
        var headers = new ResponseHeaders().put("ETag", ResponseHeaders.quoted(part.etag()));
        if (kept != null && part.checksum() != null) {
            headers.put(kept.headerName(), part.checksum());
        }
        return new S3Response.Empty(200, headers.build());
    }

    /** UploadPartCopy: a part's bytes come from (a range of) an existing object, streamed. */
    public S3Response uploadPartCopy(S3Request request) {
        int partNumber = WholeNumberParameter.partNumber(request.param("partNumber"));
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        request.access().require("s3:GetObject", Permission.READ, source.bucket(), source.key());
        MultipartUpload upload = uploads.upload(request.bucket(), request.key(), request.param("uploadId"));
        ChecksumAlgorithm kept = upload.checksumAlgorithm() == null ? null
                : ChecksumAlgorithm.fromWireName(upload.checksumAlgorithm()).orElseThrow();
        try (OpenObject open = store.open(source.bucket(), source.key())) {
            var object = open.object();
            Preconditions.check(request.header("x-amz-copy-source-if-match"),
                    request.header("x-amz-copy-source-if-none-match"),
                    request.header("x-amz-copy-source-if-unmodified-since"),
                    request.header("x-amz-copy-source-if-modified-since"), object.etag(), object.lastModified(), false);
            var range = CopySourceRange.parse(request.header("x-amz-copy-source-range"), object.size());
            InputStream bytes = open.channel() == null ? InputStream.nullInputStream()
                    : new BoundedInputStream(Channels.newInputStream(open.channel().position(range.first())), range.length());
            UploadedPart part = uploads.uploadPart(new PartRequest(request.bucket(), request.key(), upload.uploadId(),
                    partNumber, bytes, kept == null ? EnumSet.noneOf(ChecksumAlgorithm.class) : EnumSet.of(kept), kept,
                    digests -> { }, range.length()));
            var headers = new ResponseHeaders()
                    .put(CopyObjectHandler.COPY_SOURCE_VERSION_HEADER, source.versionId()).build();
            return new S3Response.Xml(200, headers, new CopyPartResult(part.etag(), part.lastModified(),
                    upload.checksumAlgorithm(), part.checksum()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the copy source " + source.bucket() + "/" + source.key(), e);
        }
    }

    public S3Response complete(S3Request request) {
        var requested = CompleteRequestBody.parse(request.body());
        var condition = WriteConditions.of(request);
        String expectedChecksumHeader = null;
        ChecksumAlgorithm expectedAlgorithm = null;
        for (ChecksumAlgorithm candidate : ChecksumAlgorithm.values()) {
            if (request.header(candidate.headerName()) != null) {
                expectedAlgorithm = candidate;
                expectedChecksumHeader = request.header(candidate.headerName()).trim();
            }
        }
        final String expected = expectedChecksumHeader;
        final ChecksumAlgorithm expectedAlg = expectedAlgorithm;
        String uploadId = request.param("uploadId");
        MultipartStore.CompleteResult result;
        try {
            result = uploads.complete(request.bucket(), request.key(), uploadId, requested, condition,
                    checksum -> {
                        if (expected != null && checksum != null && expectedAlg.wireName().equals(checksum.algorithm())
                                && !expected.equals(checksum.value())) {
                            throw S3Exception.of(S3ErrorCode.BAD_DIGEST, "The " + expectedAlg.wireName()
                                    + " you specified (" + expected + ") does not match the object's ("
                                    + checksum.value() + ").");
                        }
                    });
        } catch (StoreException e) {
            if (e.reason() != StoreException.Reason.NO_SUCH_UPLOAD) {
                throw e;
            }
            result = completedBefore(request, uploadId).orElseThrow(() -> e);
        }
        AclRecords.ObjectAcl acl = owners.upload(request.bucket(), uploadId);
        if (acl != null) {
            owners.recordObject(request.bucket(), request.key(), acl.ownerId(), acl.acl());
            owners.forgetUpload(request.bucket(), uploadId);
        }
        var checksum = result.checksum();
        String type = checksum == null ? null : checksum.type().name();
        var document = new CompleteMultipartUploadResult("/" + request.bucket() + "/" + request.key(), request.bucket(),
                request.key(), result.etag(), checksum == null ? null : checksum.algorithm(),
                checksum == null ? null : checksum.value(), type);
        return new S3Response.Xml(200, Map.of(), document);
    }

    /**
     * A completion sent again after it succeeded (a client retrying after a lost answer): S3
     * answers as the first time while the object that upload made still stands at the key.
     */
    private java.util.Optional<MultipartStore.CompleteResult> completedBefore(S3Request request, String uploadId) {
        StoredObject current;
        try {
            current = store.head(request.bucket(), request.key());
        } catch (StoreException noObject) {
            return java.util.Optional.empty();
        }
        return uploadId != null && uploadId.equals(current.uploadId())
                ? java.util.Optional.of(new MultipartStore.CompleteResult(current.etag(), current.checksum(),
                        current.lastModified()))
                : java.util.Optional.empty();
    }

    public S3Response abort(S3Request request) {
        uploads.abort(request.bucket(), request.key(), request.param("uploadId"));
        owners.forgetUpload(request.bucket(), request.param("uploadId"));
        return new S3Response.Empty(204, Map.of());
    }

    public S3Response listParts(S3Request request) {
        MultipartUpload upload = uploads.upload(request.bucket(), request.key(), request.param("uploadId"));
        int marker = WholeNumberParameter.nonNegative(request.param("part-number-marker"), 0, "part-number-marker");
        int max = Math.min(MAX_LISTED,
                WholeNumberParameter.nonNegative(request.param("max-parts"), MAX_LISTED, "max-parts"));
        List<UploadedPart> after = uploads.parts(request.bucket(), request.key(), upload.uploadId()).stream()
                .filter(p -> p.partNumber() > marker).toList();
        boolean truncated = after.size() > max;
        List<UploadedPart> page = after.subList(0, Math.min(max, after.size()));
        Integer next = page.isEmpty() ? null : page.getLast().partNumber();
        return new S3Response.Xml(200, Map.of(), new ListPartsResult(upload.bucket(), upload.key(), upload.uploadId(),
                marker, next, max, truncated, page, upload.checksumAlgorithm(), uploadOwner(request.bucket(),
                upload.uploadId())));
    }

    public S3Response listUploads(S3Request request) {
        String prefix = request.param("prefix") == null ? "" : request.param("prefix");
        String delimiter = request.param("delimiter") == null || request.param("delimiter").isEmpty()
                ? null : request.param("delimiter");
        String keyMarker = request.param("key-marker");
        String idMarker = request.param("upload-id-marker");
        int max = Math.min(MAX_LISTED,
                WholeNumberParameter.nonNegative(request.param("max-uploads"), MAX_LISTED, "max-uploads"));
        var page = new ArrayList<MultipartUpload>();
        var prefixes = new ArrayList<String>();
        boolean truncated = false;
        String nextKey = null;
        String nextId = null;
        for (MultipartUpload upload : uploads.uploads(request.bucket())) {
            if (!upload.key().startsWith(prefix) || !afterMarker(upload, keyMarker, idMarker)
                    || !request.access().mayRead(request.bucket(), upload.key())) {
                continue;
            }
            int at = delimiter == null ? -1 : upload.key().indexOf(delimiter, prefix.length());
            String commonPrefix = at < 0 ? null : upload.key().substring(0, at + delimiter.length());
            if (commonPrefix != null && !prefixes.isEmpty() && prefixes.getLast().equals(commonPrefix)) {
                continue;
            }
            if (page.size() + prefixes.size() >= max) {
                truncated = true;
                break;
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
                nextKey = commonPrefix;
                nextId = null;
            } else {
                page.add(upload);
                nextKey = upload.key();
                nextId = upload.uploadId();
            }
        }
        return new S3Response.Xml(200, Map.of(), new ListMultipartUploadsResult(request.bucket(), keyMarker, idMarker,
                truncated ? nextKey : null, truncated ? nextId : null, prefix, delimiter, max, truncated, page, prefixes,
                page.stream().collect(java.util.stream.Collectors.toMap(MultipartUpload::uploadId,
                        upload -> uploadOwner(request.bucket(), upload.uploadId())))));
    }

    /** Who started the upload (its object's owner to be), else the bucket's owner. */
    private dev.cubby.s3.xml.Owner uploadOwner(String bucket, String uploadId) {
        AclRecords.ObjectAcl acl = owners.upload(bucket, uploadId);
        return owners.owner(acl != null ? acl.ownerId() : owners.ownerOf(bucket));
    }

    /** S3: with key-marker alone, uploads of keys after it; with an upload-id-marker, later uploads of that key too. */
    private static boolean afterMarker(MultipartUpload upload, String keyMarker, String idMarker) {
        if (keyMarker == null || keyMarker.isEmpty()) {
            return true;
        }
        int byKey = KeyOrder.compare(upload.key(), keyMarker);
        if (byKey != 0 || idMarker == null || idMarker.isEmpty()) {
            return byKey > 0;
        }
        return upload.uploadId().compareTo(idMarker) > 0;
    }
}
