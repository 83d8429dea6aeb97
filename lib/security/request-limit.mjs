// The largest request body tenken reads: the largest evidence file allowed (TENKEN_EVIDENCE_MAX_MB,
// at most 50, checked with the rest of the environment in lib/env.ts) and room for the rest of its
// form, so that a file just over the limit still reaches tenken, which refuses it next to its
// field. Plain JavaScript, because the server (scripts/serve.mjs) reads it as well as
// next.config.ts.

/** In bytes. */
export function requestBodyLimit(env = process.env) {
  const evidenceMaxMb = Math.min(50, Number(env.TENKEN_EVIDENCE_MAX_MB) || 10);
  return (Math.ceil(evidenceMaxMb) + 2) * 1024 * 1024;
}
