package dev.cubby.store;

import dev.cubby.meta.ObjectRecord;

/** The ETag of a folder marker: its sidecar row's, else the MD5 of no bytes (a marker is empty). */
final class FolderMarkers {
    static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private FolderMarkers() {
    }

    static String etag(ObjectRecord marker) {
        return marker != null && marker.etag() != null ? marker.etag() : EMPTY_MD5;
    }
}
