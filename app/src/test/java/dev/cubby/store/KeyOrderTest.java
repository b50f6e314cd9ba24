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
}
