import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER, pathOf, signInRedirect } from "@/lib/auth/gate";

export function proxy(request: NextRequest) {
  const redirect = signInRedirect(request);
  if (redirect) return redirect;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATH_HEADER, pathOf(request));
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|webp|svg|ico|txt)$).*)"],
};
