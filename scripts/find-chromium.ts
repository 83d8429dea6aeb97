// Finds a Chromium for Playwright: an explicit path, the system's chromium, or Playwright's own
// (installed on demand). Prints the path, or says clearly what to install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const SYSTEM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
];

async function playwrightsOwn(): Promise<string | undefined> {
  const { chromium } = await import("@playwright/test");
  const path = chromium.executablePath();
  return path && existsSync(path) ? path : undefined;
}

export async function findChromium(): Promise<string> {
  const explicit = process.env.CHROMIUM_PATH?.trim();
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new Error(`CHROMIUM_PATH is set to ${explicit}, but there is no file there.`);
  }
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return system;
  const own = await playwrightsOwn();
  if (own) return own;

  console.log(
    "tenken: no Chromium found; trying to install Playwright's own (npx playwright install chromium)...",
  );
  const install = spawnSync(
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "install", "chromium"],
    { stdio: "inherit" },
  );
  const installed = install.status === 0 ? await playwrightsOwn() : undefined;
  if (installed) return installed;
  throw new Error(
    [
      "The browser tests need Chromium, and none could be found or installed.",
      "Install one of these, then run npm test again:",
      "  Debian/Ubuntu:  sudo apt-get install -y chromium",
      "  macOS:          brew install --cask chromium",
      "  or point CHROMIUM_PATH at any Chromium or Chrome executable.",
    ].join("\n"),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  findChromium().then(
    (path) => console.log(path),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
