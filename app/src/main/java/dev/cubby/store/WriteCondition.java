package dev.cubby.store;

/**
 * S3's conditional writes. {@code If-None-Match: *}: only if no object is at the key.
 * {@code If-Match: <etag>}: only if the current object has that ETag ({@code *}: only if there is
 * one). {@code If-None-Match: <etag>}: unless the current object has that ETag. Null: no condition.
 */
public record WriteCondition(boolean onlyIfAbsent, String onlyIfEtag, String unlessEtag) {
    public static final WriteCondition NONE = new WriteCondition(false, null, null);
    /** The ETag {@link #onlyIfEtag} takes for "any object". */
    public static final String ANY = "*";

    public WriteCondition(boolean onlyIfAbsent, String onlyIfEtag) {
        this(onlyIfAbsent, onlyIfEtag, null);
    }

    /** Whether the write needs the current object's ETag. */
    boolean comparesEtag() {
        return onlyIfEtag != null || unlessEtag != null;
    }

    /**
     * @param currentEtag the ETag of the object at the key now, or null when there is none
     * @throws StoreException NoSuchKey when If-Match was given and no object exists, PreconditionFailed
     *                        when a condition does not hold
     */
    void require(String key, String currentEtag) {
        if (onlyIfEtag != null) {
            if (currentEtag == null) {
                throw new StoreException(StoreException.Reason.NO_SUCH_KEY,
                        "If-Match was given but no object exists at '" + key + "'.");
            }
            if (!onlyIfEtag.equals(ANY) && !onlyIfEtag.equals(currentEtag)) {
                throw new StoreException(StoreException.Reason.PRECONDITION_FAILED,
                        "If-Match did not hold: the object's ETag is \"" + currentEtag + "\".");
            }
        }
        if (unlessEtag != null && unlessEtag.equals(currentEtag)) {
            throw new StoreException(StoreException.Reason.PRECONDITION_FAILED,
                    "If-None-Match did not hold: the object's ETag is \"" + currentEtag + "\".");
        }
    }
}
