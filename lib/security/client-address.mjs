// Who a request came from, for throttling sign-in. The peer of the connection, unless that peer is
// one of tenken's own reverse proxies (TENKEN_TRUSTED_PROXIES, CIDRs): then X-Forwarded-For, read
// from the right, skipping the trusted proxies that appended to it. Whatever a client writes in
// X-Forwarded-For itself is further left, so it is never believed. Plain JavaScript: the server
// (scripts/serve.mjs) works it out for every request and hands it on in CLIENT_ADDRESS_HEADER.
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-tenken-client-address";

/** The trusted proxies of a TENKEN_TRUSTED_PROXIES value: "10.0.0.0/8, 192.0.2.10, fd00::/8". */
export function trustedProxies(value = "") {
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
    if (!type) throw new Error(`TENKEN_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

// "::ffff:192.0.2.1" (an IPv4 peer on a dual-stack socket) is 192.0.2.1.
const plain = (address) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

function isTrusted(list, address) {
  const type = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
  return type !== null && list.check(address, type);
}

/** The client's address, given the connection's peer and the X-Forwarded-For header it sent. */
export function clientAddressOf(peer, forwardedFor, trusted) {
  let address = plain(peer ?? "");
  if (!address) return "unknown";
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  while (isTrusted(trusted, address) && hops.length > 0) address = hops.pop();
  return isIP(address) ? address : "unknown";
}

/**
 * The address sign-in is throttled by: an IPv4 address as it is, an IPv6 address by its /64
 * network, since one machine is usually handed a whole /64 and can pick any address in it.
 */
export function throttledAddress(address) {
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  // An address that ends in dotted IPv4 (::1.2.3.4) is rare enough to be taken whole.
  if ([...left, ...right].some((group) => group.includes("."))) return address;
  const groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
