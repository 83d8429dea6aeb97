"use client";

import { useEffect } from "react";

// The assessment page's keyboard shortcuts. They act on the rows' own controls through data
// attributes (category-section.tsx, answer-form.tsx), so this island holds no data of its own.
// The keys are listed on the page (KeyList in keyboard-help.tsx).

const ROW = "[data-item-row]";

function typing(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

function focusRow(row: HTMLElement | undefined) {
  if (!row) return;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: "nearest" });
}

export function AssessmentKeys({ helpId }: { helpId: string }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target)) return;
      const rows = [...document.querySelectorAll<HTMLElement>(ROW)];
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(ROW) ?? null;
      const index = current ? rows.indexOf(current) : -1;
      const act = (action: () => void) => {
        event.preventDefault();
        action();
      };
      switch (event.key) {
        case "j":
          return act(() => focusRow(rows[Math.min(index + 1, rows.length - 1)]));
        case "k":
          return act(() => focusRow(rows[Math.max(index - 1, 0)]));
        // The arrows move between items only from an item, so that they still scroll the page.
        case "ArrowDown":
          if (current) act(() => focusRow(rows[Math.min(index + 1, rows.length - 1)]));
          return;
        case "ArrowUp":
          if (current) act(() => focusRow(rows[Math.max(index - 1, 0)]));
          return;
        case "?": {
          const help = document.getElementById(helpId);
          if (help instanceof HTMLDetailsElement) act(() => (help.open = !help.open));
          return;
        }
      }
      if (!current) return;
      const control =
        event.key >= "1" && event.key <= "4"
          ? current.querySelector<HTMLElement>(`[data-key-answer="${event.key}"]`)
          : event.key === "n"
            ? current.querySelector<HTMLElement>("[data-key-note]")
            : event.key === "e"
              ? current.querySelector<HTMLElement>("[data-key-evidence]")
              : event.key === "u"
                ? current.querySelector<HTMLElement>("[data-key-undo]")
                : null;
      if (control) act(() => control.click());
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [helpId]);
  return null;
}
