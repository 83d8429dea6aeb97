import type { JSX, ReactElement } from "react";
import renderMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Renders Markdown written by users: evidence notes, meeting notes, checklist guidance. Raw HTML is
 * dropped rather than parsed (no rehype-raw), and rehype-sanitize still runs in case a future
 * plugin lets some through.
 */

const SAFE_SCHEME = /^(?:https?|mailto)$/i;

// An allow-list, not a block-list: browsers ignore tabs, newlines and leading control
// characters in schemes, so matching "javascript:" would miss "java\tscript:".
export function safeUrl(url: string): string | undefined {
  const value = url.trim();
  const colon = value.indexOf(":");
  if (colon === -1) return value;
  const delimiter = value.search(/[/?#]/);
  // A colon after the first "/", "?" or "#" is in a path, query or fragment: still relative.
  if (delimiter !== -1 && delimiter < colon) return value;
  return SAFE_SCHEME.test(value.slice(0, colon)) ? value : undefined;
}

type HastNode = {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
};

// An image would make every reader's browser fetch whatever URL the note names (tracking
// pixels, internal hosts), so each becomes a link the reader may choose to follow, or
// plain text inside a link, where a second anchor would be invalid HTML.
function rehypeImagesAsLinks() {
  const visit = (node: HastNode, inLink: boolean): void => {
    node.children = node.children?.map((child) => {
      if (child.type !== "element") return child;
      if (child.tagName === "img") {
        const src = typeof child.properties?.src === "string" ? child.properties.src : "";
        const alt = typeof child.properties?.alt === "string" ? child.properties.alt.trim() : "";
        const text: HastNode = { type: "text", value: alt || src || "image" };
        return inLink || !src
          ? text
          : { type: "element", tagName: "a", properties: { href: src }, children: [text] };
      }
      visit(child, inLink || child.tagName === "a");
      return child;
    });
  };
  return (tree: HastNode) => visit(tree, false);
}

const components: Components = {
  a: ({ node: _node, href, children, title }) => (
    <a
      href={href || undefined}
      title={title}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-blue-700 underline"
    >
      {children}
    </a>
  ),
  ul: ({ node: _node, ...props }) => <ul {...props} className="list-disc pl-5" />,
  ol: ({ node: _node, ...props }) => <ol {...props} className="list-decimal pl-5" />,
  code: ({ node: _node, className, ...props }) => (
    <code {...props} className={["rounded bg-slate-100 px-1", className].filter(Boolean).join(" ")} />
  ),
};

// Parsing is most of the cost of a page full of guidance (the assessment shows every item's), and
// the same texts come back on every view: the rendered elements of recent sources are kept.
// react-markdown's Markdown is a pure function of its options (no hooks, no state), and React
// elements are immutable, so one result may serve any number of renders.
const RENDERED_LIMIT = 2000;
const rendered = new Map<string, ReactElement>();

function rendering(source: string) {
  const cached = rendered.get(source);
  if (cached) return cached;
  const element = renderMarkdown({
    children: source,
    skipHtml: true,
    rehypePlugins: [rehypeImagesAsLinks, rehypeSanitize],
    urlTransform: safeUrl,
    components,
  });
  // Forget the oldest first (a Map keeps insertion order).
  if (rendered.size >= RENDERED_LIMIT) rendered.delete(rendered.keys().next().value!);
  rendered.set(source, element);
  return element;
}

export function Markdown({ source }: { source: string }): JSX.Element {
  return <div className="space-y-2 text-sm text-slate-700 break-words">{rendering(source)}</div>;
}
