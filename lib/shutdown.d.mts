/** Where the server and the app meet on globalThis (see shutdown.mjs). */
export declare const DRAINING: unique symbol;
export declare const CLOSE_DATABASE: unique symbol;
export declare const DEFAULT_SHUTDOWN_GRACE_SECONDS: number;
export declare function shutdownGraceSeconds(value?: string): number;
export declare function isDraining(): boolean;
