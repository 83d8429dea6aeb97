"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useTransition,
  type ComponentProps,
  type ReactNode,
} from "react";

// A GET filter form that applies each change as it is made: the page is replaced by the one whose
// address carries the chosen values, so the filtered view stays a link to share. Without
// JavaScript the form is an ordinary GET form and its button (in <noscript>) submits it.
// Links inside the form that take the scope (downloads, "present") follow the chosen values at
// once, before the new page has arrived, so a download is never of the scope last shown.

const Scope = createContext<{ query: string; pending: boolean }>({ query: "", pending: false });

/** The form's filled-in fields as a query string; empty choices ("all") are left out. */
function queryOf(form: HTMLFormElement) {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form))
    if (typeof value === "string" && value !== "") params.append(name, value);
  return params.toString();
}

type Props = Omit<ComponentProps<"form">, "method" | "onChange" | "onSubmit"> & {
  // The query the page was rendered with (as queryOf would write it), for the links without JavaScript.
  initialQuery?: string;
  applyLabel: string;
  pendingLabel: string;
  children: ReactNode;
};

export function FilterForm({ initialQuery = "", applyLabel, pendingLabel, children, ...props }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const [pending, startTransition] = useTransition();

  const apply = () => {
    if (!form.current) return;
    const next = queryOf(form.current);
    setQuery(next);
    // A new filter starts again at the first page, and keeps the reader where they are.
    startTransition(() => router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false }));
  };

  // Reached by another way (a "reset" link, going back): the fields show the address's values,
  // set in place so that focus stays where it is. Hidden fields are the page's own to render.
  const address = searchParams.toString();
  useEffect(() => {
    const element = form.current;
    if (!element || pending) return;
    for (const field of element.elements) {
      if (!(field instanceof HTMLSelectElement || field instanceof HTMLInputElement)) continue;
      if (!field.name || field.type === "hidden" || field.type === "submit") continue;
      field.value = new URLSearchParams(address).get(field.name) ?? "";
    }
    setQuery(queryOf(element));
  }, [address, pending]);

  return (
    <form
      {...props}
      ref={form}
      method="get"
      onChange={apply}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <Scope value={{ query, pending }}>{children}</Scope>
      <p role="status" className="sr-only">
        {pending ? pendingLabel : ""}
      </p>
      <noscript>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
          {applyLabel}
        </button>
      </noscript>
    </form>
  );
}

/**
 * A link inside a FilterForm to another address of the same scope (a download, the presenter
 * view): it carries the values chosen in the form, `keep` naming the ones it takes.
 */
export function ScopeLink({
  href,
  keep,
  children,
  ...props
}: Omit<ComponentProps<"a">, "href"> & { href: string; keep: readonly string[] }) {
  const { query } = useContext(Scope);
  const params = new URLSearchParams(query);
  for (const name of [...params.keys()]) if (!keep.includes(name)) params.delete(name);
  const search = params.toString();
  return (
    <a {...props} href={search ? `${href}?${search}` : href}>
      {children}
    </a>
  );
}
