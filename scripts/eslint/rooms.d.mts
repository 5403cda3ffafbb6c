// Types of rooms.mjs (plain JavaScript, since eslint.config.js loads it) for the tests that use it.
export declare const ALLOWED: Record<string, string[]>;
export declare const FORBIDDEN_INSIDE: { from: string; to: string; why: string }[];
export declare function roomOf(path: string): string | undefined;
export declare function importProblem(from: string, to: string): string | undefined;
export declare const roomsRule: unknown;
export declare const roomsPlugin: { rules: Record<string, unknown> };
