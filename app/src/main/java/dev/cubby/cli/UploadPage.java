package dev.cubby.cli;

import java.time.Instant;

/**
 * The HTML page {@code cubby share --upload} prints: one self-contained form (no scripts, no
 * styles or fonts from elsewhere) that posts the chosen file to the server with the signed
 * fields of an {@link UploadForm}.
 */
final class UploadPage {
    private UploadPage() {
    }

    static String render(UploadForm form, String bucket, String prefix, long maxBytes, Instant expires) {
        var hidden = new StringBuilder();
        form.fields().forEach((name, value) -> hidden.append("    <input type=\"hidden\" name=\"")
                .append(escape(name)).append("\" value=\"").append(escape(value)).append("\">\n"));
        String where = escape(bucket + "/" + prefix);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Upload to %s</title>
                  <style>
                    body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; }
                    input[type=file] { display: block; margin: 1.5rem 0; }
                    button { font-size: 1rem; padding: .5rem 1.5rem; }
                    p.small { color: #555; font-size: .9rem; }
                  </style>
                </head>
                <body>
                  <h1>Upload a file</h1>
                  <p>The file goes to <strong>%s</strong> and keeps its name.</p>
                  <form action="%s" method="post" enctype="multipart/form-data">
                %s    <input type="file" name="file" required>
                    <button type="submit">Upload</button>
                  </form>
                  <p class="small">Up to %s per file. This page works until %s.</p>
                </body>
                </html>
                """.formatted(where, where, escape(form.action()), hidden, size(maxBytes), expires);
    }

    private static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : (value == Math.floor(value) ? String.valueOf((long) value)
                : String.format("%.1f", value)) + " " + units[unit];
    }

    /** Text or attribute value in HTML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
