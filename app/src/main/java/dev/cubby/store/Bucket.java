package dev.cubby.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A served bucket: its name, its folder, and the staging folder for temporaries, which lies on
 * the same filesystem so that every commit is a rename.
 */
public record Bucket(String name, Path dir, Path staging, Instant created, boolean fromConfig) {
}
