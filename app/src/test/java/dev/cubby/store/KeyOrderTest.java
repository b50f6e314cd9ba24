package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    @Test
    void ordersByUtf8BytesNotUtf16Units() {
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in UTF-8,
        // but after it in UTF-16 (FF5E > D83D).
        var keys = new ArrayList<>(List.of("\uD83D\uDE00", "\uFF5E", "a/", "a-b", "a0", "B", "a"));
        keys.sort(KeyOrder.UTF8);
        assertEquals(List.of("B", "a", "a-b", "a/", "a0", "\uFF5E", "\uD83D\uDE00"), keys);
    }

    @Test
    void agreesWithUtf8ByteComparisonOnRandomKeys() {
        var random = new java.util.Random(7);
        int[] alphabet = {'/', '.', '-', 'a', 'z', 0x7F, 0xE9, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFF5E, 0xFFFF,
            0x10000, 0x1F600, 0x10FFFF};
        for (int round = 0; round < 20_000; round++) {
            String a = randomKey(random, alphabet);
            String b = randomKey(random, alphabet);
            int bytes = java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(Integer.signum(bytes), Integer.signum(KeyOrder.compare(a, b)), a + " vs " + b);
        }
    }

    private static String randomKey(java.util.Random random, int[] alphabet) {
        StringBuilder key = new StringBuilder();
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            key.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return key.toString();
    }
}
