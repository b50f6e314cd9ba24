package dev.cubby.meta;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The objects table's columns as the sidecar selects them, and how such a row becomes an
 * {@link ObjectRecord}. The column list and the position of each column come from one enum, so
 * they cannot drift apart; rows are read by position because SQLite's JDBC driver looks a name
 * up with a native call per column per row.
 */
final class ObjectRows {
    /** In select order; each constant is its column's name in upper case. SIZE to INODE stay together. */
    private enum Column {
        BUCKET, KEY, SIZE, MTIME_NS, CTIME_NS, INODE, ETAG, CONTENT_TYPE, CACHE_CONTROL, CONTENT_DISPOSITION,
        CONTENT_ENCODING, CONTENT_LANGUAGE, EXPIRES, USER_META, CHECKSUM_ALGORITHM, CHECKSUM_VALUE, UPLOAD_ID;

        /** JDBC's 1-based position in {@link #COLUMNS}. */
        int at() {
            return ordinal() + 1;
        }
    }

    /** The columns, comma-separated, for SELECT and INSERT; {@link #bind} fills them in this order. */
    static final String COLUMNS = Arrays.stream(Column.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));

    /** One {@code ?} per column of {@link #COLUMNS}, comma-separated, for INSERT. */
    static final String PLACEHOLDERS = String.join(", ", java.util.Collections.nCopies(Column.values().length, "?"));

    /** The position of a column that a query selects right after {@link #COLUMNS}. */
    static final int NEXT = Column.values().length + 1;

    private ObjectRows() {
    }

    /** Binds parent and name from {@code i}. A marker {@code a/b/} has parent {@code a/} and name {@code b/}. */
    static void bindParentAndName(PreparedStatement ps, int i, String key) throws SQLException {
        String parent = parentOf(key);
        ps.setString(i, parent);
        ps.setString(i + 1, key.substring(parent.length()));
    }

    /** {@code a/b/c} and {@code a/b/c/} have the parent {@code a/b/}; a top-level key has "". */
    static String parentOf(String key) {
        int end = key.endsWith("/") ? key.length() - 1 : key.length();
        return key.substring(0, key.lastIndexOf('/', end - 1) + 1);
    }

    /** Binds every column of {@link #COLUMNS} to the record's values, as parameters 1 to {@code NEXT - 1}. */
    static void bind(PreparedStatement ps, ObjectRecord record) throws SQLException {
        ps.setString(Column.BUCKET.at(), record.bucket());
        ps.setString(Column.KEY.at(), record.key());
        bindFingerprint(ps, Column.SIZE.at(), record.fingerprint());
        ps.setString(Column.ETAG.at(), record.etag());
        ObjectMetadata m = record.metadata();
        ps.setString(Column.CONTENT_TYPE.at(), m.contentType());
        ps.setString(Column.CACHE_CONTROL.at(), m.cacheControl());
        ps.setString(Column.CONTENT_DISPOSITION.at(), m.contentDisposition());
        ps.setString(Column.CONTENT_ENCODING.at(), m.contentEncoding());
        ps.setString(Column.CONTENT_LANGUAGE.at(), m.contentLanguage());
        ps.setString(Column.EXPIRES.at(), m.expires());
        ps.setString(Column.USER_META.at(), UserMetadataCodec.encode(m.userMetadata()));
        StoredChecksum checksum = record.checksum();
        ps.setString(Column.CHECKSUM_ALGORITHM.at(), checksum == null ? null : checksum.algorithm());
        ps.setString(Column.CHECKSUM_VALUE.at(), checksum == null ? null : checksum.value());
        ps.setString(Column.UPLOAD_ID.at(), record.uploadId());
    }

    /** Binds size, mtime_ns, ctime_ns and inode (all null for a row without a file version) from {@code i}. */
    static int bindFingerprint(PreparedStatement ps, int i, Fingerprint f) throws SQLException {
        if (f == null) {
            for (int k = 0; k < 4; k++) {
                ps.setNull(i++, Types.INTEGER);
            }
            return i;
        }
        ps.setLong(i++, f.size());
        ps.setLong(i++, f.mtimeNanos());
        ps.setLong(i++, f.ctimeNanos());
        ps.setLong(i++, f.inode());
        return i;
    }

    /** The record in the result set's current row, selected as {@link #COLUMNS} first. */
    static ObjectRecord read(ResultSet rs) throws SQLException {
        long size = rs.getLong(Column.SIZE.at());
        Fingerprint fingerprint = rs.wasNull() ? null : new Fingerprint(size, rs.getLong(Column.MTIME_NS.at()),
                rs.getLong(Column.CTIME_NS.at()), rs.getLong(Column.INODE.at()));
        var metadata = new ObjectMetadata(rs.getString(Column.CONTENT_TYPE.at()), rs.getString(Column.CACHE_CONTROL.at()),
                rs.getString(Column.CONTENT_DISPOSITION.at()), rs.getString(Column.CONTENT_ENCODING.at()),
                rs.getString(Column.CONTENT_LANGUAGE.at()), rs.getString(Column.EXPIRES.at()),
                UserMetadataCodec.decode(rs.getString(Column.USER_META.at())));
        String algorithm = rs.getString(Column.CHECKSUM_ALGORITHM.at());
        StoredChecksum checksum = algorithm == null ? null
                : new StoredChecksum(algorithm, rs.getString(Column.CHECKSUM_VALUE.at()));
        return new ObjectRecord(rs.getString(Column.BUCKET.at()), rs.getString(Column.KEY.at()), fingerprint,
                rs.getString(Column.ETAG.at()), metadata, checksum, rs.getString(Column.UPLOAD_ID.at()));
    }
}
