package dev.cubby.s3.xml;

import java.util.List;

/**
 * DeleteObjects' answer: the keys deleted (none in quiet mode) and those that failed, each with
 * why. An entry carries the {@code <VersionId>} its {@code <Object>} named, as S3 echoes it, and
 * none when the request named none.
 */
public record DeleteResult(List<Deleted> deleted, List<Failure> errors) implements XmlDocument {

    /** One key deleted; {@code versionId} is null when the request named no version. */
    public record Deleted(String key, String versionId) {
    }

    /** One key that could not be deleted, with its S3 error code and a message. */
    public record Failure(String key, String versionId, String code, String message) {
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("DeleteResult");
        for (Deleted entry : deleted) {
            xml.start("Deleted").element("Key", entry.key()).element("VersionId", entry.versionId()).end();
        }
        for (Failure error : errors) {
            xml.start("Error").element("Key", error.key()).element("VersionId", error.versionId())
                    .element("Code", error.code()).element("Message", error.message()).end();
        }
        xml.end();
    }
}
