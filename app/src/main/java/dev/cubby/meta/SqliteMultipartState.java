package dev.cubby.meta;

import dev.cubby.checksum.ChecksumType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Multipart uploads and their parts in the SQLite sidecar. */
final class SqliteMultipartState implements MultipartState {
    private static final String UPLOAD_COLUMNS = "upload_id, bucket, key, initiated_ms, content_type, cache_control, "
            + "content_disposition, content_encoding, content_language, expires, user_meta, checksum_algorithm, checksum_type, tags";
    private static final String CREATE_UPLOAD = "INSERT INTO uploads (" + UPLOAD_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND_UPLOAD = "SELECT " + UPLOAD_COLUMNS + " FROM uploads WHERE upload_id = ?";
    private static final String LIST_UPLOADS = "SELECT " + UPLOAD_COLUMNS
            + " FROM uploads WHERE bucket = ? ORDER BY key, initiated_ms, upload_id";
    private static final String COUNT_UPLOADS = "SELECT count(*) FROM uploads";
    private static final String UPLOADS_BEFORE = "SELECT " + UPLOAD_COLUMNS + " FROM uploads WHERE initiated_ms < ?";
    private static final String PUT_PART = "INSERT OR REPLACE INTO parts (upload_id, part_number, size, etag, "
            + "checksum, file_name, modified_ms) SELECT ?, ?, ?, ?, ?, ?, ? "
            + "WHERE EXISTS (SELECT 1 FROM uploads WHERE upload_id = ?)";
    private static final String DELETE_PART = "DELETE FROM parts WHERE upload_id = ? AND part_number = ?";
    private static final String NAMED_BY_OBJECT = "SELECT 1 FROM objects WHERE upload_id = ?";
    private static final String LIST_PARTS = "SELECT upload_id, part_number, size, etag, checksum, file_name, "
            + "modified_ms FROM parts WHERE upload_id = ? ORDER BY part_number";
    private static final String DELETE_PARTS = "DELETE FROM parts WHERE upload_id = ?";
    private static final String DELETE_UPLOAD = "DELETE FROM uploads WHERE upload_id = ?";

    private final SqliteConnections connections;

    SqliteMultipartState(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public void createUpload(MultipartUpload u) {
        connections.write(c -> {
            var ps = c.statement(CREATE_UPLOAD);
            ObjectMetadata m = u.metadata();
            ps.setString(1, u.uploadId());
            ps.setString(2, u.bucket());
            ps.setString(3, u.key());
            ps.setLong(4, u.initiated().toEpochMilli());
            ps.setString(5, m.contentType());
            ps.setString(6, m.cacheControl());
            ps.setString(7, m.contentDisposition());
            ps.setString(8, m.contentEncoding());
            ps.setString(9, m.contentLanguage());
            ps.setString(10, m.expires());
            ps.setString(11, UserMetadataCodec.encode(m.userMetadata()));
            ps.setString(12, u.checksumAlgorithm());
            ps.setString(13, u.checksumType() == null ? null : u.checksumType().name());
            ps.setString(14, UserMetadataCodec.encode(u.tags()));
            return ps.executeUpdate();
        });
    }

    @Override
    public Optional<MultipartUpload> findUpload(String uploadId) {
        List<MultipartUpload> found = queryUploads(FIND_UPLOAD, uploadId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<MultipartUpload> listUploads(String bucket) {
        return queryUploads(LIST_UPLOADS, bucket);
    }

    @Override
    public List<MultipartUpload> uploadsInitiatedBefore(Instant cutoff) {
        return connections.read(c -> {
            var ps = c.statement(UPLOADS_BEFORE);
            ps.setLong(1, cutoff.toEpochMilli());
            return readUploads(ps);
        });
    }

    @Override
    public long openUploadCount() {
        return connections.read(c -> {
            try (var rs = c.statement(COUNT_UPLOADS).executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private List<MultipartUpload> queryUploads(String sql, String arg) {
        return connections.read(c -> {
            var ps = c.statement(sql);
            ps.setString(1, arg);
            return readUploads(ps);
        });
    }

    private static List<MultipartUpload> readUploads(PreparedStatement ps) throws SQLException {
        var uploads = new ArrayList<MultipartUpload>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var metadata = new ObjectMetadata(rs.getString("content_type"), rs.getString("cache_control"),
                        rs.getString("content_disposition"), rs.getString("content_encoding"),
                        rs.getString("content_language"), rs.getString("expires"),
                        UserMetadataCodec.decode(rs.getString("user_meta")));
                uploads.add(new MultipartUpload(rs.getString("upload_id"), rs.getString("bucket"), rs.getString("key"),
                        Instant.ofEpochMilli(rs.getLong("initiated_ms")), metadata, rs.getString("checksum_algorithm"),
                        checksumType(rs.getString("checksum_type")), UserMetadataCodec.decode(rs.getString("tags"))));
            }
        }
        return uploads;
    }

    @Override
    public boolean putPart(UploadedPart p) {
        return connections.write(c -> {
            var ps = c.statement(PUT_PART);
            ps.setString(1, p.uploadId());
            ps.setInt(2, p.partNumber());
            ps.setLong(3, p.size());
            ps.setString(4, p.etag());
            ps.setString(5, p.checksum());
            ps.setString(6, p.fileName());
            ps.setLong(7, p.lastModified().toEpochMilli());
            ps.setString(8, p.uploadId());
            return ps.executeUpdate() > 0;
        });
    }

    @Override
    public List<UploadedPart> listParts(String uploadId) {
        return connections.read(c -> listParts(c, uploadId));
    }

    private static List<UploadedPart> listParts(PooledConnection c, String uploadId) throws SQLException {
        var ps = c.statement(LIST_PARTS);
        ps.setString(1, uploadId);
        var parts = new ArrayList<UploadedPart>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.add(new UploadedPart(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
            }
        }
        return parts;
    }

    @Override
    public void deleteUpload(String uploadId) {
        connections.write(c -> {
            for (String sql : List.of(DELETE_PARTS, DELETE_UPLOAD)) {
                var ps = c.statement(sql);
                ps.setString(1, uploadId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void completeUpload(String uploadId, java.util.Collection<Integer> assembledPartNumbers) {
        var kept = java.util.Set.copyOf(assembledPartNumbers);
        connections.write(c -> c.inTransaction(t -> {
            var named = t.statement(NAMED_BY_OBJECT);
            named.setString(1, uploadId);
            boolean stays;
            try (ResultSet rs = named.executeQuery()) {
                stays = rs.next();
            }
            for (UploadedPart part : listParts(t, uploadId)) {
                if (!stays || !kept.contains(part.partNumber())) {
                    var ps = t.statement(DELETE_PART);
                    ps.setString(1, uploadId);
                    ps.setInt(2, part.partNumber());
                    ps.executeUpdate();
                }
            }
            var ps = t.statement(DELETE_UPLOAD);
            ps.setString(1, uploadId);
            ps.executeUpdate();
            return null;
        }));
    }

    private static ChecksumType checksumType(String stored) {
        return stored == null ? null : ChecksumType.valueOf(stored);
    }
}
