// The source compiles against lib ES2022 only, so every host global beyond ECMAScript that
// netspear may touch is declared here, by hand, and nothing else is available.
declare global {
  /** The WHATWG URL parser, present in browsers, Node, Deno, Bun and edge runtimes. */
  class URL {
    constructor(input: string, base?: string);
    readonly hostname: string;
    readonly href: string;
  }
  /** Encodes strings as UTF-8 bytes. */
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
}
export {};
