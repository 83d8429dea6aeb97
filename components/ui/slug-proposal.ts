"use client";

import { useRef, useState, type ChangeEvent } from "react";

import { proposeSlug } from "@/lib/slug";

/**
 * A new record's slug field that follows its name field until the person types a slug of their
 * own (emptied, it follows again). Spread `name` on the name input and `slug` on the slug input;
 * `noProposal` is true while the name gives nothing to make a slug from (a Japanese-only name).
 * Disabled for an existing record: its slug is in addresses already.
 */
export function useSlugProposal(enabled = true) {
  const slugInput = useRef<HTMLInputElement>(null);
  const typed = useRef(false);
  const [noProposal, setNoProposal] = useState(false);
  return {
    noProposal,
    name: {
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        if (!enabled || typed.current || !slugInput.current) return;
        const slug = proposeSlug(event.target.value);
        slugInput.current.value = slug;
        setNoProposal(event.target.value.trim() !== "" && slug === "");
      },
    },
    slug: {
      ref: slugInput,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        typed.current = event.target.value !== "";
        setNoProposal(false);
      },
    },
  };
}
