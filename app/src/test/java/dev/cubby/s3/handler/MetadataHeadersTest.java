package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MetadataHeadersTest {

    @Test
    void contentEncodingKeepsTheClientsSpacingAndDropsOnlyAwsChunked() {
        assertEquals("deflate, gzip", MetadataHeaders.storedContentEncoding("deflate, gzip"));
        assertEquals("deflate, gzip", MetadataHeaders.storedContentEncoding("aws-chunked, deflate, gzip"));
        assertEquals("deflate, gzip", MetadataHeaders.storedContentEncoding("deflate, AWS-Chunked, gzip"));
        assertEquals("gzip", MetadataHeaders.storedContentEncoding("gzip,aws-chunked"));
        assertNull(MetadataHeaders.storedContentEncoding("aws-chunked"));
        assertNull(MetadataHeaders.storedContentEncoding(null));
    }
}
