package dev.cubby.s3.handler;

import static dev.cubby.s3.handler.ObjectAttributesHandler.Attribute.CHECKSUM;
import static dev.cubby.s3.handler.ObjectAttributesHandler.Attribute.ETAG;
import static dev.cubby.s3.handler.ObjectAttributesHandler.Attribute.OBJECT_PARTS;
import static dev.cubby.s3.handler.ObjectAttributesHandler.Attribute.OBJECT_SIZE;
import static dev.cubby.s3.handler.ObjectAttributesHandler.Attribute.STORAGE_CLASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectAttributesHandlerTest {
    @Test
    void attributesComeAsACommaListInOneOrMoreHeaderValues() {
        assertEquals(Set.of(ETAG, OBJECT_SIZE), ObjectAttributesHandler.requested(List.of("ETag,ObjectSize")));
        assertEquals(Set.of(ETAG, CHECKSUM, OBJECT_PARTS, STORAGE_CLASS, OBJECT_SIZE),
                ObjectAttributesHandler.requested(List.of(" ETag , Checksum,", "ObjectParts", "StorageClass,ObjectSize")));
    }

    @Test
    void noAttributesIsAnInvalidArgumentThatSaysWhatToSend() {
        for (List<String> values : List.of(List.<String>of(), List.of(""), List.of(" , "))) {
            S3Exception e = assertThrows(S3Exception.class, () -> ObjectAttributesHandler.requested(values));
            assertEquals("InvalidArgument", e.code().wireCode());
            assertTrue(e.getMessage().contains("x-amz-object-attributes"), e.getMessage());
            assertTrue(e.getMessage().contains("ETag, Checksum, ObjectParts, StorageClass, ObjectSize"), e.getMessage());
        }
    }

    @Test
    void anUnknownAttributeIsNamedInTheError() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> ObjectAttributesHandler.requested(List.of("ETag,Colour")));
        assertEquals("InvalidArgument", e.code().wireCode());
        assertTrue(e.getMessage().contains("'Colour'"), e.getMessage());
    }
}
