// The browser tests' harness: headless Chromium from Debian's chromium package, driven through
// playwright-core (no browser download), with a static web server on 127.0.0.1 standing for a
// site of another origin than Cubby's. Run by HeadlessChromium.java:
//   node browser/harness.mjs SCENARIO        (SCENARIO: a module in browser/, e.g. cors-upload.mjs)
// The scenario module exports `async function run(ctx)`; ctx holds
//   page     a Playwright Page of a fresh browser context; its console lines are printed "page: ..."
//   origin   the static server's base URL, e.g. http://127.0.0.1:40123 (BROWSER_ORIGIN_PORT picks the port)
//   serve(path, body, contentType)  publishes one file on that server
//   bundle(entry)  an ES module of browser/ with its npm imports, bundled for the browser by esbuild (JS text)
//   env      process.env (CUBBY_ENDPOINT, CUBBY_BUCKET, the key, whatever the test passes)
// Each own property of the object run returns is printed as a line "RESULT name=value" (value as
// text); then "OK SCENARIO" and exit 0. Any failure prints the error and exits 1. The whole run is
// bounded by BROWSER_TIMEOUT_MS (default 60000). CHROMIUM names the browser (default /usr/bin/chromium).
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const scenarioName = process.argv[2];
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const timeoutMs = Number(process.env.BROWSER_TIMEOUT_MS || 60000);

function fail(message) {
  console.error(`FAIL ${scenarioName}: ${message}`);
  process.exit(1);
}

if (!scenarioName) fail("usage: node browser/harness.mjs SCENARIO.mjs");
if (!existsSync(executablePath)) {
  fail(`no browser at ${executablePath}: install Debian's chromium package (apt-get install -y chromium)`);
}

const files = new Map();
const server = createServer((req, res) => {
  const file = files.get(new URL(req.url, "http://x").pathname);
  if (!file) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return;
  }
  res.writeHead(200, { "Content-Type": file.contentType, "Cache-Control": "no-store" }).end(file.body);
});
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(Number(process.env.BROWSER_ORIGIN_PORT || 0), "127.0.0.1", resolve);
});
const origin = `http://127.0.0.1:${server.address().port}`;

async function bundle(entry) {
  const out = await build({
    entryPoints: [join(here, entry)], bundle: true, platform: "browser", format: "iife",
    target: "es2022", write: false, logLevel: "error", absWorkingDir: join(here, ".."),
  });
  return out.outputFiles[0].text;
}

let browser;
const watchdog = setTimeout(() => {
  console.error(`FAIL ${scenarioName}: did not finish within ${timeoutMs} ms`);
  browser?.process()?.kill("SIGKILL");
  process.exit(1);
}, timeoutMs);

try {
  // A container's root user has no user namespaces for Chromium's sandbox.
  browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"], timeout: timeoutMs });
  const context = await browser.newContext();
  context.setDefaultTimeout(timeoutMs);
  const page = await context.newPage();
  page.on("console", (message) => console.log(`page: ${message.text()}`));
  page.on("pageerror", (error) => console.log(`page error: ${error.message}`));
  const scenario = await import(pathToFileURL(join(here, scenarioName)).href);
  const serve = (path, body, contentType) => files.set(path, { body, contentType });
  const result = await scenario.run({ page, origin, serve, bundle, env: process.env });
  for (const [name, value] of Object.entries(result ?? {})) {
    console.log(`RESULT ${name}=${String(value).replace(/\n/g, "\\n")}`);
  }
  console.log(`OK ${scenarioName}`);
} catch (error) {
  console.error(`FAIL ${scenarioName}: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await browser?.close().catch(() => {});
  server.close();
}
