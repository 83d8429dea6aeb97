// The slug proposed from a service's name on the new-service form. It runs in the browser, so it
// stays free of zod; lib/validations/service.ts remains the authority and checks what is sent.
// Letters with accents keep their base letter (Café → cafe); anything else outside a–z and 0–9
// becomes a hyphen. A name with no Latin letters or digits (a Japanese-only name) gives "", and
// the form then asks for a slug instead of inventing one.

const SLUG_MAX = 50;

export function proposeSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  // A single character is below the slug's minimum: better to propose nothing.
  return slug.length >= 2 ? slug : "";
}
