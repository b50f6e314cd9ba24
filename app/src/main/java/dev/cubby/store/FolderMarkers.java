package dev.cubby.store;

import dev.cubby.checksum.Digests;
import dev.cubby.meta.ObjectRecord;

/** The ETag of a folder marker: its sidecar row's, else the MD5 of no bytes (a marker is empty). */
final class FolderMarkers {

    private FolderMarkers() {
    }

    static String etag(ObjectRecord marker) {
        return marker != null && marker.etag() != null ? marker.etag() : Digests.EMPTY_MD5_HEX;
    }
}
