package dev.cubby.s3;

import dev.cubby.s3.xml.XmlDocument;
import dev.cubby.store.OpenObject;
import java.util.Map;

/**
 * What a handler answers; the server turns it into bytes on the socket. Handlers never write
 * to the socket themselves, which keeps them testable and the streaming in one place.
 */
public sealed interface S3Response {

    int status();

    Map<String, String> headers();

    /** Status and headers only (also every HEAD answer). */
    record Empty(int status, Map<String, String> headers) implements S3Response {
    }

    /** An XML document. */
    record Xml(int status, Map<String, String> headers, XmlDocument document) implements S3Response {
    }

    /** A small body held whole (GetBucketPolicy's JSON document), with its content type. */
    record Bytes(int status, Map<String, String> headers, String contentType, byte[] body) implements S3Response {
    }

    /** {@code length} bytes of an opened object from {@code offset}; the server closes the object. */
    record ObjectBytes(int status, Map<String, String> headers, OpenObject object, long offset, long length)
            implements S3Response {
    }
}
