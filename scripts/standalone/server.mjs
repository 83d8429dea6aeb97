// Becomes .next/standalone/server.js (scripts/build-standalone.ts): tenken's server
// (scripts/serve.mjs) on the traced build, under plain Node. It hands Next.js the configuration
// the build recorded instead of loading next.config.ts, as Next.js's own standalone server does.
import { readFileSync } from "node:fs";
import path from "node:path";

import { requestBodyLimit } from "../../lib/security/request-limit.mjs";
import { enterBuildDir } from "./enter.mjs";

const dir = enterBuildDir(import.meta.url);
const { config } = JSON.parse(readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8"));
// next.config.ts reads the evidence limit (TENKEN_EVIDENCE_MAX_MB) when the server starts; the
// recorded configuration holds the value at build time, so it is read again here.
const bodyLimit = requestBodyLimit();
config.experimental.serverActions = { ...config.experimental.serverActions, bodySizeLimit: bodyLimit };
config.experimental.proxyClientMaxBodySize = bodyLimit;
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

await import("../serve.mjs");
