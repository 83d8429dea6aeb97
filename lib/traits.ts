import type { ServiceTrait } from "@/lib/generated/prisma/enums";

// The order traits are offered and shown in.
export const SERVICE_TRAITS = ["SERVES_HTTP", "BEHIND_NGINX", "RUNS_BATCH", "USES_JOB_QUEUE"] as const satisfies readonly ServiceTrait[];
