// What the bench (scripts/bench.ts) and the load driver (scripts/load.ts) share when they talk to
// a running tenken over HTTP: waiting for it to answer, signing in, and reading percentiles.
import type { ChildProcess } from "node:child_process";

/** The p-th percentile of ascending values, nearest rank, so that it is always a measured value. */
export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Waits until the app at `baseUrl` is healthy; gives up early when the server we started has exited. */
export async function waitForHealth(baseUrl: string, server?: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error("the app exited before it answered");
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * Signs in through Better Auth's own endpoint, as the sign-in page does, and answers the session
 * cookie to send with later requests. Better Auth refuses a request without an origin it trusts.
 */
export async function signIn(baseUrl: string, { email, password }: { email: string; password: string }) {
  const origin = new URL(baseUrl).origin;
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
