package dev.cubby.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A large object as a multipart upload of {@link #PART}-sized parts, {@link #PARALLEL} in flight. */
final class MultipartUpload implements Workload {
    static final String NAME = "multipart upload";
    static final long PART = 16L * 1024 * 1024;
    static final int PARALLEL = 8;
    private final long size;

    MultipartUpload(long size) {
        this.size = size;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Target target) {
        return target.speaksS3();
    }

    String variant() {
        return Bench.bytes(size) + " in " + Bench.bytes(PART) + " parts, " + PARALLEL + " parallel";
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        String path = "/" + Target.BUCKET + "/multipart/object";
        int parts = (int) (size / PART);
        String[] etags = new String[parts];
        ProcessStats.CpuMeter cpu = new ProcessStats.CpuMeter(target.pids());
        long start = System.nanoTime();
        try (HttpConnection connection = target.connect()) {
            HttpConnection.Response created = Load.expect(connection.exchange("POST", path + "?uploads",
                    target.headers(connection, "POST", path, "uploads="), null, true), "CreateMultipartUpload", 200);
            String uploadId = XmlScan.scan(created.body(), "", "UploadId").text();
            Load.once(target, PARALLEL, (partConnection, worker, unused) -> {
                for (int part = worker; part < parts; part += PARALLEL) {
                    String query = "partNumber=" + (part + 1) + "&uploadId=" + uploadId;
                    etags[part] = Load.expect(partConnection.exchange("PUT", path + "?" + query,
                            target.headers(partConnection, "PUT", path, query), Bodies.noise(PART, part), false),
                            "UploadPart " + (part + 1), 200).etag();
                }
            });
            String query = "uploadId=" + uploadId;
            HttpConnection.Response done = Load.expect(connection.exchange("POST", path + "?" + query,
                    target.headers(connection, "POST", path, query), Bodies.of(completion(etags)), true),
                    "CompleteMultipartUpload", 200);
            if (done.text().contains("<Error>")) {
                throw new IOException("CompleteMultipartUpload failed: " + done.text());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] usage = cpu.stop();
        results.add(NAME, variant(), target.name(), "MiB/s", size / 1048576.0 / seconds);
        results.add(NAME, variant(), target.name(), "client CPU %", usage[0]);
        results.add(NAME, variant(), target.name(), "server CPU %", usage[1]);
    }

    private static byte[] completion(String[] etags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int part = 0; part < etags.length; part++) {
            xml.append("<Part><PartNumber>").append(part + 1).append("</PartNumber><ETag>")
                    .append(etags[part].replace("&", "&amp;").replace("\"", "&quot;")).append("</ETag></Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
