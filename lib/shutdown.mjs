// How the server (scripts/serve.mjs) and the app inside it agree on a shutdown. The server runs
// outside Next.js's bundle, so they meet on globalThis under these registered symbols: the
// server raises DRAINING when it is told to stop (readiness then answers 503, so a load balancer
// stops sending), and lib/db.ts leaves CLOSE_DATABASE there for the server to call once the last
// request has finished. Plain JavaScript, because the server reads it as well as the app.

export const DRAINING = Symbol.for("tenken.draining");
export const CLOSE_DATABASE = Symbol.for("tenken.closeDatabase");

// Below Kubernetes' default terminationGracePeriodSeconds (30), so that tenken finishes on its
// own before it would be killed.
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 25;

/** TENKEN_SHUTDOWN_GRACE_SECONDS: how long open requests may take to finish after SIGTERM. */
export function shutdownGraceSeconds(value = process.env.TENKEN_SHUTDOWN_GRACE_SECONDS) {
  const text = (value ?? "").trim();
  if (text === "") return DEFAULT_SHUTDOWN_GRACE_SECONDS;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 3600)
    throw new Error("TENKEN_SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 3600");
  return seconds;
}

export function isDraining() {
  return globalThis[DRAINING] === true;
}
