// The production server: Next.js's request handler behind a thin guard. Built into
// .next/standalone/server.js (scripts/standalone/server.mjs), which runs under plain Node; `npm
// start` starts it after preparing the database.
//
// Every response gets tenken's fixed security headers, and a restrictive policy where no page or
// route set one of its own: so even what Next.js answers by itself, before tenken's code runs,
// carries them. Methods tenken does not answer (TRACE, made-up ones) are refused here: Next.js
// cannot even build a request object for them.
import { createServer } from "node:http";
import next from "next";

import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxies } from "../lib/security/client-address.mjs";
// Imported rather than read, so that the built server (scripts/standalone/server.mjs) carries it.
import securityHeaders from "../lib/security/headers.json" with { type: "json" };
import { requestBodyLimit } from "../lib/security/request-limit.mjs";
import { CLOSE_DATABASE, DRAINING, shutdownGraceSeconds } from "../lib/shutdown.mjs";

const { headers, fallbackPolicy, methods } = securityHeaders;
const defaults = { ...headers, "Content-Security-Policy": fallbackPolicy };
// Next.js drops a route's Content-Length; a route that knows its length (evidence files) names it
// in this header instead, and it becomes the Content-Length here.
const LENGTH_HEADER = "x-tenken-content-length";

const bodyLimit = requestBodyLimit();
const proxies = trustedProxies(process.env.TENKEN_TRUSTED_PROXIES);
const port = Number(process.env.PORT ?? 3000);
const graceSeconds = shutdownGraceSeconds();
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Sets what the response lacks just before its headers are sent, whoever sends them. */
function withDefaults(response) {
  const writeHead = response.writeHead;
  response.writeHead = function (...args) {
    for (const [name, value] of Object.entries(defaults))
      if (!this.hasHeader(name)) this.setHeader(name, value);
    const length = this.getHeader(LENGTH_HEADER);
    if (length !== undefined) {
      this.removeHeader(LENGTH_HEADER);
      if (!this.hasHeader("Content-Encoding")) this.setHeader("Content-Length", length);
    }
    return writeHead.apply(this, args);
  };
}

// Requests being answered, for the shutdown to wait for.
const open = new Set();

const server = createServer((request, response) => {
  open.add(response);
  response.on("close", () => {
    open.delete(response);
    // While draining, a keep-alive connection is let go as soon as its request is answered.
    if (globalThis[DRAINING]) setImmediate(() => server.closeIdleConnections());
  });
  // While draining, every answer closes its connection: the client comes back on a new one, to
  // another replica.
  if (globalThis[DRAINING]) response.setHeader("Connection", "close");
  withDefaults(response);
  // Who is asking, as tenken works it out (lib/security/client-address.mjs): never as sent.
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    proxies,
  );
  if (!methods.includes(request.method)) {
    response.writeHead(405, { Allow: methods.join(", "), "Content-Type": "text/plain; charset=utf-8" });
    response.end("Method not allowed\n");
    return;
  }
  // A body larger than any form of tenken's is refused before it is handled (Next.js would cut it
  // short). What the client is still sending is read and let go, so that it gets the answer rather
  // than a reset connection; a body far beyond the limit is not worth reading, and its connection
  // is closed instead.
  const length = Number(request.headers["content-length"] ?? 0);
  if (length > bodyLimit) {
    const drain = length <= 4 * bodyLimit;
    response.writeHead(413, {
      "Content-Type": "text/plain; charset=utf-8",
      ...(drain ? {} : { Connection: "close" }),
    });
    response.end("Request body too large\n");
    if (drain) request.resume();
    return;
  }
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    response.end();
  });
});
server.listen(port, () => console.log(`tenken: listening on port ${port}`));

async function closeDatabase() {
  try {
    await globalThis[CLOSE_DATABASE]?.();
    console.log("tenken: closed the database connections");
  } catch (error) {
    console.error(`tenken: could not close the database connections: ${error?.message ?? error}`);
  }
}

// On SIGTERM (or Ctrl-C): take no new connection, answer readiness with 503, let the requests
// already begun finish within TENKEN_SHUTDOWN_GRACE_SECONDS, then close the database and exit 0.
// Whatever is still open after that is cut, and the exit code says so. A second signal (npm start
// forwards the one its process group also received) changes nothing.
function shutDown(signal) {
  if (globalThis[DRAINING]) return;
  globalThis[DRAINING] = true;
  console.log(
    `tenken: ${signal}: no new connections; waiting up to ${graceSeconds} s for ${open.size} open request(s)`,
  );
  for (const response of open) if (!response.headersSent) response.setHeader("Connection", "close");
  let cut = false;
  const timer = setTimeout(() => {
    cut = true;
    console.error(
      `tenken: ${open.size} request(s) still open after ${graceSeconds} s; closing their connections`,
    );
    server.closeAllConnections();
    // Should a connection linger anyway, the process does not.
    setTimeout(() => process.exit(1), 3000);
  }, graceSeconds * 1000);
  server.close(async () => {
    clearTimeout(timer);
    // A request cut short may still hold a database connection, which the pool would wait for.
    if (cut) await Promise.race([closeDatabase(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    else await closeDatabase();
    console.log("tenken: stopped");
    process.exit(cut ? 1 : 0);
  });
  server.closeIdleConnections();
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => shutDown(signal));
