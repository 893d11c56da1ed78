// Runs axe-core (WCAG 2.1 A/AA) and a 320 px reflow check on HTML files in headless Chromium.
// Usage: node run-axe.cjs CHROMIUM USER_DATA_DIR FILE.html...
// Prints one JSON object: {"FILE": {"violations": [...], "scrollWidth": N, "viewport": 320}}.
// Nothing is fetched: the browser is Debian's, the pages are local files, axe is injected.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function main() {
  const [binary, userData, ...files] = process.argv.slice(2);
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: binary,
    headless: true,
    args: FLAGS,
    offline: true,
  });
  const out = {};
  try {
    for (const file of files) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("file://" + path.resolve(file));
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(async (tags) => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
        return {
          rules: r.passes.length + r.violations.length + r.incomplete.length,
          violations: r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
          })),
        };
      }, TAGS);
      await page.setViewportSize({ width: 320, height: 640 });
      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        overflowing: Array.from(document.querySelectorAll("td, th"))
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => c.textContent.trim().slice(0, 60)),
      }));
      out[file] = { ...result, ...widths };
      await page.close();
    }
  } finally {
    await context.close();
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(1);
});
