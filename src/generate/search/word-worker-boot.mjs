// The word index's thread (word-aside.ts) starts without the parent's TypeScript loader:
// register tsx, then count.
import { register } from "tsx/esm/api";

register();
await import("./word-worker.ts");
