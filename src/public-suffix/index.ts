// The `netspear/public-suffix` entry point. Its contents are being written; until then it exports nothing.
export {};
