// The globals that Node 20+, Electron and every browser provide, so that shared/ may use them
// without pulling in the DOM or Node type libraries (which would let Node-only code slip in).
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T; randomUUID(): string };
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare const console: { log(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
