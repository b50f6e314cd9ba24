package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.StoredChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.EnumSet;

/**
 * Server-side copies. The source is opened on the exact file version its ETag describes, and its
 * bytes stream through the same atomic writer as a PUT: into a temporary file on the target
 * bucket's filesystem, MD5 and checksum computed on the way, fsynced, renamed into place. So the
 * copy's ETag is the MD5 of the bytes written, nothing is buffered in memory, and a refused copy
 * leaves the target as it was. Copying an object onto itself with new metadata rewrites only its
 * sidecar row: the file, and so its ETag, stay untouched.
 */
final class ObjectCopier {
    private final Sidecar sidecar;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    ObjectCopier(Sidecar sidecar, ObjectReader reader, ObjectWriter writer) {
        this.sidecar = sidecar;
        this.reader = reader;
        this.writer = writer;
    }

    CopyResult copy(CopyRequest request) {
        try (OpenObject open = reader.open(request.sourceBucket(), request.sourceKey())) {
            StoredObject source = open.object();
            request.sourceCheck().check(source);
            if (request.ontoItself() && request.replacement() != null) {
                return replaceMetadata(source, request.replacement(), request.condition());
            }
            ChecksumAlgorithm algorithm = checksumFor(request, source);
            ObjectMetadata metadata = request.replacement() != null ? request.replacement() : source.metadata();
            InputStream body = open.channel() == null ? InputStream.nullInputStream()
                    : Channels.newInputStream(open.channel());
            // The source's size is declared, so room for the copy is reserved before a byte is copied.
            PutResult result = writer.put(new PutRequest(request.targetBucket(), request.targetKey(), body, metadata,
                    EnumSet.of(algorithm), algorithm, digests -> { }, request.condition(), source.size()));
            return new CopyResult(result.etag(), result.lastModified(),
                    ObjectWriter.keptChecksum(algorithm, result.digests()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + request.sourceBucket() + "/" + request.sourceKey(), e);
        }
    }

    private static ChecksumAlgorithm checksumFor(CopyRequest request, StoredObject source) {
        if (request.checksum() != null) {
            return request.checksum();
        }
        if (source.checksum() != null) {
            return ChecksumAlgorithm.fromWireName(source.checksum().algorithm()).orElse(CopyRequest.DEFAULT_CHECKSUM);
        }
        return CopyRequest.DEFAULT_CHECKSUM;
    }

    /**
     * Keeps the ETag and checksum only when the row describes the file as it is now; otherwise the
     * ETag is not known yet (a placeholder), and recording one would make it stick, so the row is
     * left without a fingerprint for the next read or the indexer to fill in.
     */
    private CopyResult replaceMetadata(StoredObject source, ObjectMetadata metadata, WriteCondition condition) {
        if (condition.onlyIfAbsent()) {
            throw new StoreException(StoreException.Reason.PRECONDITION_FAILED,
                    "If-None-Match: * did not hold: an object already exists at '" + source.key() + "'.");
        }
        condition.require(source.key(), source.etag());
        ObjectRecord record = sidecar.find(source.bucket(), source.key()).orElse(null);
        boolean known = source.folderMarker() || record != null && record.describes(source.fingerprint());
        StoredChecksum checksum = known && record != null ? record.checksum() : null;
        sidecar.put(new ObjectRecord(source.bucket(), source.key(), known && record != null ? record.fingerprint() : null,
                known ? source.etag() : null, metadata, checksum));
        return new CopyResult(source.etag(), source.lastModified(), checksum);
    }
}
