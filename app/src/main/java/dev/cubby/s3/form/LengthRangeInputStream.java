package dev.cubby.s3.form;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The uploaded file as the policy's content-length-range allows it: reading past {@code max}
 * bytes fails with EntityTooLarge, and reaching the end below {@code min} with EntityTooSmall, so
 * the store refuses the write and leaves nothing behind.
 */
public final class LengthRangeInputStream extends FilterInputStream {
    private final long min;
    private final long max;
    private long count;

    public LengthRangeInputStream(InputStream in, PolicyCondition.ContentLengthRange range) {
        super(in);
        this.min = range.min();
        this.max = range.max();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        account(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        account(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    private void account(int n) {
        if (n < 0) {
            if (count < min) {
                throw S3Exception.of(S3ErrorCode.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the "
                        + "minimum allowed size: the policy's content-length-range needs at least " + min
                        + " bytes, the file has " + count + ".");
            }
            return;
        }
        count += n;
        if (count > max) {
            throw S3Exception.of(S3ErrorCode.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed "
                    + "size: the policy's content-length-range allows at most " + max + " bytes.");
        }
    }
}
