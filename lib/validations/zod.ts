import { z } from "zod";

// zod probes for eval (new Function) to compile fast parsers. Under tenken's Content-Security-Policy
// that probe is a violation in the browser, and the speed-up is not needed anywhere here.
z.config({ jitless: true });

export { z };
