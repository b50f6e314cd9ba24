// A page of another origin uploads a file to Cubby with the AWS SDK for JavaScript v3 and reads it
// back (BrowserCorsTest). Env: CUBBY_ENDPOINT, CUBBY_BUCKET, CUBBY_KEY, CUBBY_BODY and the key in
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Returns what the page saw: put, get, missing ("ok" or
// the error), putEtag, getEtag, text, and origin (the page's).
export async function run({ page, origin, serve, bundle, env }) {
  serve("/s3-page.js", await bundle("pages/s3-page.js"), "text/javascript");
  serve("/index.html", '<!doctype html><meta charset="utf-8"><title>another origin</title>'
    + '<script src="/s3-page.js"></script>', "text/html");
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => window.cubby !== undefined);
  const seen = await page.evaluate((request) => window.cubby.uploadAndRead(request), {
    endpoint: env.CUBBY_ENDPOINT, bucket: env.CUBBY_BUCKET, key: env.CUBBY_KEY, body: env.CUBBY_BODY,
    accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
  });
  return { ...seen, origin };
}
