package dev.cubby.s3;

import dev.cubby.s3.error.S3ErrorCode;
import dev.cubby.s3.error.S3Exception;

/**
 * The one rule for version IDs. Cubby keeps no versions (GetBucketVersioning answers that
 * versioning was never enabled), so, as in an S3 bucket that was never versioned, each object is
 * its one version and that version's ID is the literal {@code null}. A request naming that
 * version acts on the object. Any other ID names a version that cannot exist here and is refused,
 * so a client asking for (or deleting) an older version never gets the current one instead.
 */
public final class VersionId {
    /** The ID of the one version every object has. */
    public static final String NULL = "null";

    private VersionId() {
    }

    /**
     * Refuses {@code value} unless it is {@value #NULL}, with S3's InvalidArgument.
     *
     * @param parameter where the value came from, for the message (e.g. {@code versionId})
     */
    public static void requireNull(String value, String parameter) {
        if (value.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.INVALID_VERSION_ID, "Version id cannot be the empty string: send "
                    + parameter + "=" + NULL + " or leave it out.");
        }
        if (!value.equals(NULL)) {
            throw S3Exception.of(S3ErrorCode.INVALID_VERSION_ID, "Invalid version id specified in " + parameter
                    + ": Cubby keeps one version of each object, and its version id is '" + NULL + "'.");
        }
    }
}
