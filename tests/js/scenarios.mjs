// AWS SDK for JavaScript v3 against Cubby, at the SDK's default settings (flexible checksums on,
// path-style because a NAS endpoint has no wildcard DNS). Run by JsSdkTest:
//   node scenarios.mjs SCENARIO
// with CUBBY_ENDPOINT, CUBBY_BUCKET, CUBBY_ROOT (the served tree, to check files on disk) and the
// key in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Prints "OK SCENARIO" or throws.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";
import {
  S3Client, PutObjectCommand, HeadObjectCommand, GetObjectCommand, DeleteObjectCommand,
  ListObjectsV2Command, paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const endpoint = process.env.CUBBY_ENDPOINT;
const bucket = process.env.CUBBY_BUCKET;
const root = process.env.CUBBY_ROOT;
const s3 = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true });

const md5 = (bytes) => createHash("md5").update(bytes).digest("hex");
const quoted = (hex) => `"${hex}"`;
const onDisk = (key) => readFileSync(join(root, bucket, key));

async function bodyOf(key) {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await got.Body.transformToByteArray());
}

const scenarios = {
  async putObject() {
    const body = randomBytes(300_000);
    const put = await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: "js/put one.bin", Body: body, ContentType: "application/x-js",
      Metadata: { origin: "sdk-v3" },
    }));
    assert.equal(put.ETag, quoted(md5(body)));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: "js/put one.bin" }));
    assert.equal(head.ETag, quoted(md5(body)));
    assert.equal(head.ContentType, "application/x-js");
    assert.deepEqual(head.Metadata, { origin: "sdk-v3" });
    assert.ok(onDisk("js/put one.bin").equals(body), "file on disk differs");
    assert.ok((await bodyOf("js/put one.bin")).equals(body), "GET differs");
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: "js/put one.bin" }));
  },

  async multipartUpload() {
    // 21 MiB in 5 MiB parts, 4 at a time: lib-storage's multipart path with its default checksums.
    const body = randomBytes(21 * 1024 * 1024);
    const upload = new Upload({
      client: s3, queueSize: 4, partSize: 5 * 1024 * 1024,
      params: { Bucket: bucket, Key: "js/big/multipart.bin", Body: body },
    });
    const done = await upload.done();
    assert.match(done.ETag, /^"[0-9a-f]{32}-5"$/);
    assert.ok(onDisk("js/big/multipart.bin").equals(body), "file on disk differs");
    const back = await bodyOf("js/big/multipart.bin");
    assert.equal(md5(back), md5(body));
  },

  async presignedGetAndPut() {
    const body = Buffer.from("sent through a presigned PUT\n");
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: "js/presigned.txt" }),
      { expiresIn: 300 });
    const put = await fetch(putUrl, { method: "PUT", body });
    assert.equal(put.status, 200, await put.text());
    assert.ok(onDisk("js/presigned.txt").equals(body), "file on disk differs");
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: "js/presigned.txt" }),
      { expiresIn: 300 });
    const get = await fetch(getUrl);
    assert.equal(get.status, 200);
    assert.ok(Buffer.from(await get.arrayBuffer()).equals(body), "presigned GET differs");
    assert.equal(get.headers.get("etag"), quoted(md5(body)));
  },

  async listPagination() {
    // 23 keys over S3 beside files already in the tree (written "over Samba" by the test),
    // paged 5 at a time: every key exactly once, in order, with MD5 ETags for the Samba files too.
    const keys = [];
    for (let i = 0; i < 23; i++) {
      const key = `js/page/${String(i).padStart(2, "0")}.txt`;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `n${i}\n` }));
      keys.push(key);
    }
    const samba = readdirSync(join(root, bucket, "samba")).map((name) => `samba/${name}`);
    assert.ok(samba.length > 0, "the test writes files under samba/ first");
    const seen = [];
    const etags = new Map();
    for await (const page of paginateListObjectsV2({ client: s3, pageSize: 5 }, { Bucket: bucket })) {
      assert.ok((page.Contents ?? []).length <= 5);
      for (const o of page.Contents ?? []) { seen.push(o.Key); etags.set(o.Key, o.ETag); }
    }
    const expected = [...keys, ...samba].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    assert.deepEqual(seen, expected);
    for (const key of samba) {
      assert.equal(statSync(join(root, bucket, key)).isFile(), true);
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      assert.equal(head.ETag, quoted(md5(onDisk(key))), `HEAD ETag of ${key}`);
    }
    const folders = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: "/", MaxKeys: 1 }));
    assert.equal(folders.IsTruncated, true);
    assert.deepEqual(folders.CommonPrefixes.map((p) => p.Prefix), ["js/"]);
  },
};

const name = process.argv[2];
if (!scenarios[name]) {
  console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(", ")}`);
  process.exit(2);
}
await scenarios[name]();
console.log(`OK ${name}`);
