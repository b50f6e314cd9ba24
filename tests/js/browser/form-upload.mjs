// A person opens the upload page `cubby share --upload` wrote, from another origin (as if mailed
// or put on a web site), picks a file and presses Upload (BrowserFormUploadTest). An HTML form
// POST is a navigation, so it needs no CORS rule. Env: CUBBY_PAGE (the page's path), CUBBY_FILE
// (the file to pick). Returns the status the browser got, the page it shows, and the origin.
import { readFileSync } from "node:fs";

export async function run({ page, origin, serve, env }) {
  serve("/upload.html", readFileSync(env.CUBBY_PAGE, "utf8"), "text/html");
  await page.goto(`${origin}/upload.html`);
  await page.setInputFiles('input[type="file"]', env.CUBBY_FILE);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.click('button[type="submit"]'),
  ]);
  return { status: response.status(), shown: await response.text(), origin };
}
