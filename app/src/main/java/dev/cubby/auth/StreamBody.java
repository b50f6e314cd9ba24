package dev.cubby.auth;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/** A {@link VerifiedBody} whose trailers are read from {@code trailerSource} when asked. */
record StreamBody(InputStream stream, Supplier<Map<String, String>> trailerSource) implements VerifiedBody {

    @Override
    public Map<String, String> trailers() {
        return trailerSource.get();
    }
}
