import { spawn, type ChildProcess } from "node:child_process";
import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";

import { heapArgs } from "../scripts/server-heap";
import { demo, DEMO_PASSWORD } from "./fixtures/auth";
import { canReachDatabase, queryDb } from "./fixtures/db";

// SIGTERM while a request is being answered: the production server (.next/standalone/server.js) started here on
// the run's database, already prepared by the main server (playwright.config.ts), and stopped the
// way an orchestrator stops it.
test.skip(
  !canReachDatabase,
  "A second server on the run's database needs a PostgreSQL server; the embedded one belongs to the main server. This runs against PostgreSQL (npm test with DATABASE_URL, and CI).",
);

const port = Number(process.env.E2E_PORT ?? 3100) + 5;
const origin = `http://127.0.0.1:${port}`;

type Server = { process: ChildProcess; log: () => string; exited: Promise<number | null> };

async function startServer(graceSeconds: number): Promise<Server> {
  const child = spawn(process.execPath, [...heapArgs(), ".next/standalone/server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      TENKEN_BASE_URL: origin,
      TENKEN_SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
    },
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const server = { process: child, log: () => log, exited };
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`The server exited early:\n${log}`);
        return fetch(`${origin}/api/health/ready`).then(
          (response) => response.status,
          () => 0,
        );
      },
      { timeout: 60_000 },
    )
    .toBe(200);
  return server;
}

/**
 * A sign-in whose body has not been sent yet: the server has read its headers and is answering it
 * (it said "100 Continue"), waiting for the rest. Returns the socket, and what the server sends.
 */
async function beginSignIn(body: string) {
  const socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.write(
    [
      "POST /api/auth/sign-in/email HTTP/1.1",
      `Host: 127.0.0.1:${port}`,
      `Origin: ${origin}`,
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Expect: 100-continue",
      "",
      "",
    ].join("\r\n"),
  );
  await expect.poll(() => received).toContain("HTTP/1.1 100 Continue");
  return { socket, closed, received: () => received };
}

/** The final response on the socket: its status, headers and (de-chunked) body. */
function parseResponse(raw: string) {
  const final = raw.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "");
  const [head = "", ...rest] = final.split("\r\n\r\n");
  let body = rest.join("\r\n\r\n");
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const at = line.indexOf(":");
      return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
    }),
  );
  if (headers["transfer-encoding"] === "chunked") {
    let chunked = body;
    body = "";
    for (;;) {
      const end = chunked.indexOf("\r\n");
      const size = parseInt(chunked.slice(0, end), 16);
      if (!size) break;
      body += chunked.slice(end + 2, end + 2 + size);
      chunked = chunked.slice(end + 2 + size + 2);
    }
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

function refusesConnections() {
  return new Promise<boolean>((resolve) => {
    const probe: Socket = connect(port, "127.0.0.1");
    probe.on("connect", () => {
      probe.destroy();
      resolve(false);
    });
    probe.on("error", () => resolve(true));
  });
}

test("a request in flight at SIGTERM gets its answer, then the server closes the database and exits 0", async () => {
  test.setTimeout(120_000);
  const graceSeconds = 20;
  const server = await startServer(graceSeconds);
  try {
    const body = JSON.stringify({ email: demo.admin.email, password: DEMO_PASSWORD });
    const signIn = await beginSignIn(body);
    signIn.socket.write(body.slice(0, 10));

    const stoppedAt = Date.now();
    server.process.kill("SIGTERM");
    await expect.poll(() => server.log()).toContain("SIGTERM: no new connections");
    await expect.poll(refusesConnections).toBe(true);

    // The rest of the body arrives after the signal: the sign-in is answered as ever.
    signIn.socket.write(body.slice(10));
    await signIn.closed;
    const response = parseResponse(signIn.received());
    expect(response.status).toBe(200);
    expect(response.headers.connection).toBe("close");
    expect(response.headers["set-cookie"]).toContain("tenken.session_token=");
    const { token, user } = JSON.parse(response.body) as { token: string; user: { email: string } };
    expect(user.email).toBe(demo.admin.email);
    const sessions = await queryDb<{ email: string }>(
      "SELECT u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = $1",
      [token],
    );
    expect(sessions).toEqual([{ email: demo.admin.email }]);

    expect(await server.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(graceSeconds * 1000);
    expect(server.log()).toContain("tenken: closed the database connections");
    expect(server.log()).toContain("tenken: stopped");
  } finally {
    server.process.kill("SIGKILL");
  }
});

test("a request still open when the grace period ends is cut, and the exit code says so", async () => {
  test.setTimeout(120_000);
  const server = await startServer(1);
  try {
    const body = JSON.stringify({ email: demo.admin.email, password: DEMO_PASSWORD });
    const signIn = await beginSignIn(body);
    server.process.kill("SIGTERM");
    // The body never comes.
    expect(await server.exited).toBe(1);
    await signIn.closed;
    expect(server.log()).toContain("tenken: 1 request(s) still open after 1 s; closing their connections");
  } finally {
    server.process.kill("SIGKILL");
  }
});
