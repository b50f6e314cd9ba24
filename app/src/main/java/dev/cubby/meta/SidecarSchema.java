package dev.cubby.meta;

import java.util.List;

/**
 * The sidecar's tables, as an ordered list of migrations ({@link SqliteSchema} applies them):
 * a migration once released is never changed, only followed by a new one.
 */
final class SidecarSchema {
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                """
                CREATE TABLE objects (
                  bucket TEXT NOT NULL,
                  key TEXT NOT NULL,
                  parent TEXT NOT NULL,
                  name TEXT NOT NULL,
                  size INTEGER,
                  mtime_ns INTEGER,
                  ctime_ns INTEGER,
                  inode INTEGER,
                  etag TEXT,
                  content_type TEXT,
                  cache_control TEXT,
                  content_disposition TEXT,
                  content_encoding TEXT,
                  content_language TEXT,
                  expires TEXT,
                  user_meta TEXT,
                  checksum_algorithm TEXT,
                  checksum_value TEXT,
                  PRIMARY KEY (bucket, key)
                ) WITHOUT ROWID""",
                "CREATE INDEX objects_by_parent ON objects (bucket, parent)",
                """
                CREATE TABLE implicit_folders (
                  bucket TEXT NOT NULL,
                  key TEXT NOT NULL,
                  PRIMARY KEY (bucket, key)
                ) WITHOUT ROWID"""
            ),
            List.of(
                """
                CREATE TABLE uploads (
                  upload_id TEXT PRIMARY KEY,
                  bucket TEXT NOT NULL,
                  key TEXT NOT NULL,
                  initiated_ms INTEGER NOT NULL,
                  content_type TEXT,
                  cache_control TEXT,
                  content_disposition TEXT,
                  content_encoding TEXT,
                  content_language TEXT,
                  expires TEXT,
                  user_meta TEXT,
                  checksum_algorithm TEXT,
                  checksum_type TEXT
                )""",
                "CREATE INDEX uploads_by_bucket ON uploads (bucket, key, initiated_ms)",
                """
                CREATE TABLE parts (
                  upload_id TEXT NOT NULL,
                  part_number INTEGER NOT NULL,
                  size INTEGER NOT NULL,
                  etag TEXT NOT NULL,
                  checksum TEXT,
                  file_name TEXT NOT NULL,
                  modified_ms INTEGER NOT NULL,
                  PRIMARY KEY (upload_id, part_number)
                ) WITHOUT ROWID"""
            ),
            // object tags, keyed by bucket and key
            List.of(
                """
                CREATE TABLE object_tags (
                  bucket TEXT NOT NULL,
                  key TEXT NOT NULL,
                  tag_key TEXT NOT NULL,
                  tag_value TEXT NOT NULL,
                  PRIMARY KEY (bucket, key, tag_key)
                ) WITHOUT ROWID"""
            ),
            // writes recorded before their rename, so recovery gives bytes and metadata together
            List.of(
                """
                CREATE TABLE pending_writes (
                  id TEXT PRIMARY KEY,
                  bucket TEXT NOT NULL,
                  key TEXT NOT NULL,
                  size INTEGER NOT NULL,
                  mtime_ns INTEGER NOT NULL,
                  ctime_ns INTEGER NOT NULL,
                  inode INTEGER NOT NULL,
                  etag TEXT,
                  content_type TEXT,
                  cache_control TEXT,
                  content_disposition TEXT,
                  content_encoding TEXT,
                  content_language TEXT,
                  expires TEXT,
                  user_meta TEXT,
                  checksum_algorithm TEXT,
                  checksum_value TEXT,
                  staged_file TEXT NOT NULL,
                  owner_pid INTEGER NOT NULL
                ) WITHOUT ROWID""",
                "CREATE INDEX pending_writes_by_key ON pending_writes (bucket, key)"
            ),
            // each bucket's configuration documents: policy, CORS rules, ACL, ownership controls...
            List.of(
                """
                CREATE TABLE bucket_settings (
                  bucket TEXT NOT NULL,
                  name TEXT NOT NULL,
                  value TEXT NOT NULL,
                  PRIMARY KEY (bucket, name)
                ) WITHOUT ROWID"""
            ),
            // the upload a multipart object was completed from: its rows in parts (sizes and checksums,
            // for part reads and GetObjectAttributes) live exactly as long as an object row names it
            List.of(
                "ALTER TABLE objects ADD COLUMN upload_id TEXT",
                "ALTER TABLE pending_writes ADD COLUMN upload_id TEXT",
                // the tags given at CreateMultipartUpload (x-amz-tagging), for the object it completes
                "ALTER TABLE uploads ADD COLUMN tags TEXT",
                "CREATE INDEX objects_by_upload ON objects (upload_id) WHERE upload_id IS NOT NULL",
                """
                CREATE TRIGGER objects_delete_forgets_parts AFTER DELETE ON objects
                WHEN OLD.upload_id IS NOT NULL BEGIN
                  DELETE FROM parts WHERE upload_id = OLD.upload_id;
                END""",
                """
                CREATE TRIGGER objects_update_forgets_parts AFTER UPDATE OF upload_id ON objects
                WHEN OLD.upload_id IS NOT NULL AND OLD.upload_id IS NOT NEW.upload_id BEGIN
                  DELETE FROM parts WHERE upload_id = OLD.upload_id;
                END""",
                // INSERT OR REPLACE removes the old row without firing delete triggers (SQLite's
                // recursive_triggers is off), so a replacing insert forgets the old row's parts itself.
                """
                CREATE TRIGGER objects_replace_forgets_parts BEFORE INSERT ON objects BEGIN
                  DELETE FROM parts WHERE upload_id = (SELECT upload_id FROM objects
                      WHERE bucket = NEW.bucket AND key = NEW.key AND upload_id IS NOT NEW.upload_id);
                END"""
            ),
            // each object's owner (its writer) and ACL, when either differs from "the bucket's
            // owner, alone"; forgotten with the object row, like its tags
            List.of(
                """
                CREATE TABLE object_acls (
                  bucket TEXT NOT NULL,
                  key TEXT NOT NULL,
                  owner TEXT NOT NULL,
                  acl TEXT NOT NULL,
                  PRIMARY KEY (bucket, key)
                ) WITHOUT ROWID"""
            ));

    /** The sidecar's schema, for {@link SqliteConnections}. */
    static final SqliteSchema SCHEMA = new SqliteSchema("sidecar", MIGRATIONS);

    private SidecarSchema() {
    }
}
