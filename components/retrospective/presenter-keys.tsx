"use client";

import { useRouter } from "next/navigation";
import { useLayoutEffect } from "react";

/**
 * Arrow keys and Page Up/Down move through the presenter view, as clickers send them; Escape
 * leaves it. Keys typed into a field are left alone. The keys are listened to from the moment the
 * slide is on screen (a layout effect, in the same commit), so a key pressed as soon as it shows
 * is not lost.
 */
export function PresenterKeys({ previous, next, exit }: { previous?: string; next?: string; exit: string }) {
  const router = useRouter();
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        target?.closest("input, textarea, select, [contenteditable]")
      )
        return;
      const destination =
        event.key === "ArrowRight" || event.key === "PageDown"
          ? next
          : event.key === "ArrowLeft" || event.key === "PageUp"
            ? previous
            : event.key === "Escape"
              ? exit
              : undefined;
      if (!destination) return;
      event.preventDefault();
      router.push(destination);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, previous, next, exit]);
  return null;
}
