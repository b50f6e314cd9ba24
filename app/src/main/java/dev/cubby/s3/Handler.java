package dev.cubby.s3;

/** The code behind one S3 operation. */
@FunctionalInterface
public interface Handler {
    S3Response handle(S3Request request);
}
