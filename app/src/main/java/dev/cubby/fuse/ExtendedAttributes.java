package dev.cubby.fuse;

import dev.cubby.store.LocalFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import jnr.ffi.Pointer;
import ru.serce.jnrfuse.ErrorCodes;

/**
 * The xattr calls of the mount ({@code getxattr}, {@code listxattr}, {@code setxattr},
 * {@code removexattr}) in the kernel's buffer protocol: a size of 0 asks for the length, a
 * smaller buffer is ERANGE. Only files carry attributes; what they mean is {@link S3Attributes}'.
 */
final class ExtendedAttributes {
    private final LocalFiles files;
    private final S3Attributes s3Attributes;

    ExtendedAttributes(LocalFiles files, S3Attributes s3Attributes) {
        this.files = files;
        this.s3Attributes = s3Attributes;
    }

    int get(MountPath p, String name, Pointer value, long size) {
        if (!isFile(p)) {
            return -ErrorCodes.ENODATA();
        }
        var found = s3Attributes.get(p.bucket(), p.key(), name);
        return found.isEmpty() ? -ErrorCodes.ENODATA() : copyOut(found.get(), value, size);
    }

    int list(MountPath p, Pointer list, long size) {
        if (!isFile(p)) {
            return 0;
        }
        var joined = new ByteArrayOutputStream();
        for (String name : s3Attributes.names(p.bucket(), p.key())) {
            joined.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            joined.write(0);
        }
        return copyOut(joined.toByteArray(), list, size);
    }

    int set(MountPath p, String name, Pointer value, long size) {
        if (!isFile(p)) {
            return -Errno.ENOTSUP;
        }
        byte[] bytes = new byte[(int) size];
        value.get(0, bytes, 0, bytes.length);
        return s3Attributes.set(p.bucket(), p.key(), name, new String(bytes, StandardCharsets.UTF_8));
    }

    int remove(MountPath p, String name) {
        return isFile(p) ? s3Attributes.set(p.bucket(), p.key(), name, null) : -ErrorCodes.ENODATA();
    }

    private static int copyOut(byte[] bytes, Pointer buffer, long size) {
        if (size == 0) {
            return bytes.length;
        }
        if (size < bytes.length) {
            return -ErrorCodes.ERANGE();
        }
        buffer.put(0, bytes, 0, bytes.length);
        return bytes.length;
    }

    private boolean isFile(MountPath p) {
        return p.isEntry() && Files.isRegularFile(files.locateEntry(p.bucket(), p.key()), LinkOption.NOFOLLOW_LINKS);
    }
}
