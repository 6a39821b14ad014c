// The `netspear/sql` entry point. Its contents are being written; until then it exports nothing.
export {};
