import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Markdown, safeUrl } from "@/components/ui/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

// After React's escaping, a literal "<" in the output can only open a real tag, so the
// checks below look at tags and attributes, not at text that merely mentions "onerror=".
const tagsOf = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

function urlsOf(html: string): string[] {
  const urls: string[] = [];
  for (const tag of tagsOf(html)) {
    for (const match of tag.matchAll(
      /\s(?:href|src|action|formaction|xlink:href|poster|background)="([^"]*)"/gi,
    )) {
      const decoded = (match[1] ?? "")
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
      urls.push(decoded);
    }
  }
  return urls;
}

// OWASP XSS filter evasion cheat sheet style: raw HTML, scheme tricks, entity and case
// obfuscation, and every Markdown way of writing a link or an image.
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<img src="javascript:alert(1)">',
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;&#x61;&#x76;&#x61;script:alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x]( javascript:alert(1))",
  "[x](<java\tscript:alert(1)>)",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '[x](javascript:alert(1) "title")',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe src="javascript:alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "![x](javascript:alert(1))",
  "![x](https://tracker.example/pixel.gif)",
  '![x](https://tracker.example/a.png "t") and [![x](https://tracker.example/b.png)](https://example.com)',
  "<style>body{background:url(javascript:alert(1))}</style>",
  '<div style="background-image:url(javascript:alert(1))">x</div>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  "<details open ontoggle=alert(1)>",
  "<body onload=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  "<javascript:alert(1)>",
  "<JAVASCRIPT:alert(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "![x][img]\n\n[img]: javascript:alert(1)",
  "[x][ref]\n\n[ref]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<!--<script>alert(1)</script>-->",
  "`<script>alert(1)</script>` and ```\n<script>alert(1)</script>\n```",
  '<a href="x" onmouseover="alert(1)">hover</a>',
  '[x](https://example.com"onmouseover="alert(1))',
];

const FORBIDDEN_TAGS = ["script", "iframe", "svg", "style", "form", "img", "object", "embed", "meta", "math"];

describe("Markdown", () => {
  it("is tested against a real corpus", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(PAYLOADS)("renders %j harmlessly", (payload) => {
    const html = render(payload);
    for (const tag of FORBIDDEN_TAGS) expect(html.toLowerCase()).not.toContain(`<${tag}`);
    for (const tag of tagsOf(html)) {
      expect(tag).not.toMatch(/\son\w+=/i);
      expect(tag).not.toMatch(/\sstyle=/i);
    }
    for (const url of urlsOf(html)) {
      // Browsers drop whitespace and control characters from a scheme, so compare without them.
      const squeezed = url.replace(/[\u0000-\u0020]/g, "");
      expect(squeezed).not.toMatch(/^(?:javascript|vbscript|data):/i);
    }
  });

  it("wraps the note in a styled div", () => {
    expect(render("hello")).toBe(
      '<div class="space-y-2 text-sm text-slate-700 break-words"><p>hello</p></div>',
    );
  });

  it("renders bold, lists and code spans", () => {
    expect(render("**bold**")).toContain("<strong>bold</strong>");
    const list = render("- one\n- two");
    expect(list).toContain('<ul class="list-disc pl-5">');
    expect(list).toContain("<li>one</li>");
    expect(render("1. first")).toContain('<ol class="list-decimal pl-5">');
    expect(render("run `make test` now")).toContain(
      '<code class="rounded bg-slate-100 px-1">make test</code>',
    );
  });

  it("opens safe links in a new tab without leaking the opener or referrer", () => {
    const html = render("[docs](https://example.com)");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('target="_blank"');
    expect(html).toMatch(/rel="[^"]*\bnoopener\b[^"]*"/);
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('class="text-blue-700 underline"');
    expect(html).toContain(">docs</a>");
  });

  it("keeps mailto, relative and fragment links", () => {
    expect(render("[mail](mailto:ops@example.com)")).toContain('href="mailto:ops@example.com"');
    expect(render("[runbook](/services/api?tab=evidence)")).toContain('href="/services/api?tab=evidence"');
    expect(render("[top](#summary)")).toContain('href="#summary"');
  });

  it("keeps the text of a link whose URL is dropped", () => {
    const html = render("[click me](javascript:alert(1))");
    expect(html).toContain("click me");
    expect(html).not.toContain("href=");
  });

  it("turns images into links that are only followed on click", () => {
    const html = render("![dashboard](https://grafana.example/d.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://grafana.example/d.png"');
    expect(html).toContain(">dashboard</a>");
  });

  it("shows an image inside a link as its alt text, not as a nested link", () => {
    const html = render("[![badge](https://ci.example/b.svg)](https://ci.example)");
    expect(html.match(/<a\s/g)).toHaveLength(1);
    expect(html).toContain(">badge</a>");
  });

  it("does not render raw HTML", () => {
    expect(render("a <b>bold</b> claim")).toBe(
      '<div class="space-y-2 text-sm text-slate-700 break-words"><p>a bold claim</p></div>',
    );
  });
});

describe("safeUrl", () => {
  it.each([
    "https://example.com",
    "http://example.com",
    "mailto:a@example.com",
    "/a:b",
    "?q=a:b",
    "#x:y",
    "page",
    "",
  ])("keeps %j", (url) => expect(safeUrl(url)).toBe(url));

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "vbscript:x",
    "data:text/html,x",
    "java\tscript:x",
    "\u0000javascript:x",
    "file:///etc/passwd",
    "ftp://example.com",
  ])("drops %j", (url) => expect(safeUrl(url)).toBeUndefined());
});
