package dev.cubby.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Key order as S3 lists it: by the UTF-8 bytes of the whole key, unsigned. */
public final class Keys {
    public static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Keys() {
    }

    public static List<String> sorted(List<String> keys) {
        return keys.stream().sorted(UTF8_ORDER).toList();
    }
}
