package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The paging parameters of ListBuckets: {@code max-buckets} and the continuation token. */
final class BucketPage {
    static final int MAX_BUCKETS = 10_000;

    private BucketPage() {
    }

    /** All buckets (up to {@link #MAX_BUCKETS}) when absent; otherwise 1 to 10,000. */
    static int maxBuckets(String value) {
        if (value == null || value.isEmpty()) {
            return MAX_BUCKETS;
        }
        int max = WholeNumberParameter.nonNegative(value, MAX_BUCKETS, "max-buckets");
        if (max < 1 || max > MAX_BUCKETS) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "max-buckets must be a whole number from 1 to "
                    + MAX_BUCKETS + ".");
        }
        return max;
    }

    /** The token of a page that ended with {@code lastBucket}. */
    static String tokenAfter(String lastBucket) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastBucket.getBytes(StandardCharsets.UTF_8));
    }

    /** The last bucket of the page a token ends. */
    static String afterToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The continuation-token is not one a ListBuckets answer "
                    + "gave: send the ContinuationToken of the previous page as it came.");
        }
    }
}
