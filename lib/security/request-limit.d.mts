/** The largest request body tenken reads, in bytes (see request-limit.mjs). */
export declare function requestBodyLimit(env?: NodeJS.ProcessEnv): number;
