package dev.cubby.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cubby.e2e.RawRequest;
import dev.cubby.e2e.SigV4;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bench's lean signer must sign exactly as the suite's reference signer (itself checked against AWS's examples). */
class BenchSignerTest {
    @ParameterizedTest
    @CsvSource({
        "GET, /bench/small/4k/000017, ''",
        "PUT, /bench/large/object-3, ''",
        "GET, /bench, list-type=2&max-keys=1000&prefix=tree%2F",
        "POST, /bench/mp/object, uploads=",
        "PUT, /bench/mp/object, partNumber=7&uploadId=0123abcd",
    })
    void signsAsTheReferenceSigner(String method, String path, String query) {
        Instant time = Instant.parse("2026-11-23T10:15:30Z");
        String target = query.isEmpty() ? path : path + "?" + query;
        RawRequest reference = new SigV4("AKIDBENCH", "bench/secret+key", "us-east-1")
                .sign(RawRequest.of(method, target).withHeader("Host", "127.0.0.1:9000"), time, SigV4.UNSIGNED_PAYLOAD);
        BenchSigner.Signed lean = new BenchSigner("AKIDBENCH", "bench/secret+key", "us-east-1")
                .sign(method, path, query, "127.0.0.1:9000", time);
        assertEquals(reference.header("Authorization"), lean.authorization());
        assertEquals(reference.header("x-amz-date"), lean.amzDate());
    }
}
