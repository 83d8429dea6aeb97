import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "@/lib/auth/server";

// Better Auth's own endpoints: the SSO redirect and callback, and sign-in for scripts.
// Sign-up is off (accounts come from admins), and Better Auth checks the Origin of every POST.
async function handle(request: Request) {
  const auth = await getAuth();
  return auth.handler(request);
}

export const { GET, POST } = toNextJsHandler(handle);
