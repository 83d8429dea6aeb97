import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  /** The line under the title. */
  intro?: ReactNode;
  /** A link above the title, back to where the page was reached from. */
  back?: { href: string; label: string };
  /** On the right of the title (wraps under it on narrow screens); given, even as `false`, it sets that layout. */
  actions?: ReactNode;
  /** Further lines under the intro, as given. */
  children?: ReactNode;
};

/** The top of a page (back link, title, intro, actions), written once so every page's top looks the same. */
export function PageHeader({ title, intro, back, actions, children }: Props) {
  const heading = (
    <div>
      {back && (
        <Link href={back.href} className="text-sm text-blue-700 underline">
          {back.label}
        </Link>
      )}
      <h1 className={back ? "mt-2 text-2xl font-bold" : "text-2xl font-bold"}>{title}</h1>
      {intro !== undefined && <p className="text-slate-600">{intro}</p>}
      {children}
    </div>
  );
  if (actions === undefined) return heading;
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      {heading}
      {actions}
    </div>
  );
}
