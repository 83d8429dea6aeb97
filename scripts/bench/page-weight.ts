// What a first view of a page costs the browser: the bytes of its HTML and of the JavaScript it
// loads before it is interactive, raw and gzipped, and its Largest Contentful Paint in headless
// Chromium. Used by the bench (scripts/bench.ts) for the assessment page.
import { gzipSync } from "node:zlib";

import { findChromium } from "../find-chromium";

export type Weight = { files: number; bytes: number; gzip_bytes: number };

const gzipBytes = (body: Buffer) => gzipSync(body).length;

async function download(url: string, cookie: string) {
  const response = await fetch(url, { headers: { "accept-language": "en", cookie }, redirect: "manual" });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * The page's HTML and the scripts it names. Scripts marked nomodule (the legacy polyfills) are
 * left out: a browser that runs modules never loads them.
 */
export async function pageWeight(baseUrl: string, pathname: string, cookie: string) {
  const html = await download(`${baseUrl}${pathname}`, cookie);
  const sources = new Set<string>();
  for (const [tag] of html.toString("utf8").matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag)) sources.add(new URL(src.replaceAll("&amp;", "&"), baseUrl).href);
  }
  const scripts = await Promise.all([...sources].map((src) => download(src, cookie)));
  const javascript: Weight = { files: scripts.length, bytes: 0, gzip_bytes: 0 };
  for (const script of scripts) {
    javascript.bytes += script.length;
    javascript.gzip_bytes += gzipBytes(script);
  }
  return { html: { files: 1, bytes: html.length, gzip_bytes: gzipBytes(html) } satisfies Weight, javascript };
}

/** The same flags as the browser tests (playwright.config.ts). */
const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/**
 * Largest Contentful Paint of `runs` first views (a fresh browser context each, so nothing is
 * cached), at 1366×768, signed in with the session cookie, in milliseconds from navigation.
 */
export async function largestContentfulPaints(
  baseUrl: string,
  pathname: string,
  cookie: string,
  runs: number,
) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  const cookies = cookie
    .split("; ")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    });
  const paints: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}${pathname}`, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`GET ${pathname} in Chromium: ${response?.status()}`);
      // The last entry reported up to now is the page's LCP: nothing changes it after the load.
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]!.startTime);
            }).observe({ type: "largest-contentful-paint", buffered: true }),
          ),
      );
      paints.push(lcp);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return paints.sort((a, b) => a - b);
}
