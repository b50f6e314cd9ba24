package dev.cubby.e2e.clients;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) as a real-client scenario for the client matrix: each test's result
 * is recorded against the client's name and version and written to target/client-matrix.md.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ClientMatrixWatcher.class)
public @interface ClientMatrix {
    /** As {@link #version()}: the AWS SDK for Java v2 on the test's own classpath. */
    String JAVA_SDK = "{java-sdk}";

    /** The client's name in the matrix. */
    String client();

    /**
     * The command printing its version (the first non-empty output line is recorded), or
     * {@link #JAVA_SDK}; a leading placeholder of {@link ClientBinaries} stands for a binary found at run time.
     */
    String[] version();
}
