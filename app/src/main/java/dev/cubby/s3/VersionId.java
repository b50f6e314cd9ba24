package dev.cubby.s3;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * The one rule for version IDs. Cubby keeps no versions (GetBucketVersioning answers that
 * versioning was never enabled), so, as in an S3 bucket that was never versioned, each object is
 * its one version and that version's ID is the literal {@code null}. A request naming that
 * version acts on the object. Any other ID names a version that cannot exist here and is refused,
 * so a client asking for (or deleting, or copying) an older version never gets the current one
 * instead. Version IDs arrive in three places, all checked here: the {@code versionId} query
 * parameter of object requests, {@code ?versionId=} at the end of {@code x-amz-copy-source}, and
 * DeleteObjects' {@code <VersionId>}.
 */
public final class VersionId {
    /** The ID of the one version every object has. */
    public static final String NULL = "null";

    private VersionId() {
    }

    /**
     * Refuses {@code value} unless it is {@value #NULL}, with S3's InvalidArgument.
     *
     * @param source where the value came from, for the message (e.g. {@code versionId})
     */
    public static void requireNull(String value, String source) {
        if (value.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.INVALID_VERSION_ID, "Version id cannot be the empty string in " + source
                    + ": send '" + NULL + "' or leave the version id out.");
        }
        if (!value.equals(NULL)) {
            throw S3Exception.of(S3ErrorCode.INVALID_VERSION_ID, "Invalid version id specified in " + source
                    + ": Cubby keeps one version of each object, and its version id is '" + NULL + "'.");
        }
    }

    /**
     * The version an object request named with {@code ?versionId}, for S3's
     * {@code x-amz-version-id} answer, which S3 sends for an unversioned object only when the
     * version was asked for by ID; null when the request named none. By the time a handler runs,
     * {@link OperationTable} has refused every ID but {@value #NULL}.
     */
    public static String requested(S3Request request) {
        return NULL.equals(request.param("versionId")) ? NULL : null;
    }
}
