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

const { headers, fallbackPolicy, methods } = securityHeaders;
const defaults = { ...headers, "Content-Security-Policy": fallbackPolicy };
// Next.js drops a route's Content-Length; a route that knows its length (evidence files) names it
// in this header instead, and it becomes the Content-Length here.
const LENGTH_HEADER = "x-tenken-content-length";

const bodyLimit = requestBodyLimit();
const proxies = trustedProxies(process.env.TENKEN_TRUSTED_PROXIES);
const port = Number(process.env.PORT ?? 3000);
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

const server = createServer((request, response) => {
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

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
