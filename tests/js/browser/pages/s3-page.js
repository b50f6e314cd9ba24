// What a web page of another origin does with the AWS SDK for JavaScript v3 (bundled for the
// browser by the harness): put a text object, read it back with its ETag (an exposed header), and
// ask for a missing key (the error is readable only when error answers carry CORS headers too).
import { S3Client, PutObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";

async function attempt(out, name, call) {
  try {
    await call();
    out[name] = "ok";
  } catch (error) {
    out[name] = `${error.name}: ${error.message}`;
    return false;
  }
  return true;
}

window.cubby = {
  async uploadAndRead({ endpoint, bucket, key, body, accessKeyId, secretAccessKey }) {
    const s3 = new S3Client({
      endpoint, region: "us-east-1", forcePathStyle: true, maxAttempts: 1,
      credentials: { accessKeyId, secretAccessKey },
    });
    const out = {};
    const put = await attempt(out, "put", async () => {
      const answer = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "text/plain" }));
      out.putEtag = answer.ETag ?? "(not exposed)";
    });
    if (put) {
      await attempt(out, "get", async () => {
        const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        out.getEtag = answer.ETag ?? "(not exposed)";
        out.text = await answer.Body.transformToString();
      });
      await attempt(out, "missing", () => s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${key}.missing` })));
    }
    return out;
  },
};
