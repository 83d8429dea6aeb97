import type { BlockList } from "node:net";

/** The header the server (scripts/serve.mjs) hands the client's address on in (see client-address.mjs). */
export declare const CLIENT_ADDRESS_HEADER: string;
export declare function trustedProxies(value?: string): BlockList;
export declare function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList,
): string;
export declare function throttledAddress(address: string): string;
