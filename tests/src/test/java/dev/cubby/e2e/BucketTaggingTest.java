package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** GetBucketTagging, PutBucketTagging and DeleteBucketTagging with the SDK. */
class BucketTaggingTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private final S3Client s3 = server.client();

    @Test
    void bucketTagsPutGetDeleteRoundTripAndNoneIsNoSuchTagSet() throws IOException {
        String bucket = server.newBucket("tagged");
        assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(b -> b.bucket(bucket)));

        List<Tag> tags = List.of(tag("team", "photos"), tag("cost centre", "NAS 1"), tag("empty", ""));
        assertEquals(204, s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tags)))
                .sdkHttpResponse().statusCode());
        assertEquals(pairs(tags), pairs(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()));

        List<Tag> replaced = List.of(tag("team", "backups"));
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(replaced)));
        assertEquals(pairs(replaced), pairs(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()));

        assertEquals(204, s3.deleteBucketTagging(b -> b.bucket(bucket)).sdkHttpResponse().statusCode());
        assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(b -> b.bucket(bucket)));
    }

    @Test
    void bucketTagsAreValidatedAsObjectTagsButUpToFifty() throws IOException {
        String bucket = server.newBucket("tagged");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v" + i));
        }
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(fifty)));
        assertEquals(50, s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().size());

        List<Tag> tooMany = new ArrayList<>(fifty);
        tooMany.add(tag("k50", "v50"));
        assertS3Error(400, "InvalidTag", () -> s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tooMany))));
        assertS3Error(400, "InvalidTag", () -> s3.putBucketTagging(b -> b.bucket(bucket)
                .tagging(t -> t.tagSet(tag("aws:reserved", "x")))));
        assertS3Error(400, "InvalidTag", () -> s3.putBucketTagging(b -> b.bucket(bucket)
                .tagging(t -> t.tagSet(tag("twice", "1"), tag("twice", "2")))));
        assertEquals(50, s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().size(), "a refused put changes nothing");
    }

    @Test
    void aBucketDeletedAndMadeAgainHasNoTagsAndAMissingBucketIsNoSuchBucket() throws IOException {
        String bucket = server.newBucket("tagged");
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tag("old", "bucket"))));
        s3.deleteBucket(b -> b.bucket(bucket));
        s3.createBucket(b -> b.bucket(bucket));

        assertS3Error(404, "NoSuchTagSet", () -> s3.getBucketTagging(b -> b.bucket(bucket)));
        assertS3Error(404, "NoSuchBucket", () -> s3.getBucketTagging(b -> b.bucket("no-such-bucket-here")));
        assertS3Error(404, "NoSuchBucket", () -> s3.putBucketTagging(b -> b.bucket("no-such-bucket-here")
                .tagging(t -> t.tagSet(tag("a", "b")))));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Map<String, String> pairs(List<Tag> tags) {
        var out = new LinkedHashMap<String, String>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
