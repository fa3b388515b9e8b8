/** A parsing worker: receives batches of paths, answers with their ParseResults in order. */
import { parentPort } from "node:worker_threads";
import { readOne } from "./read-one.ts";
import { pack } from "./wire.ts";

export interface Batch {
  batch: number;
  paths: string[];
}

parentPort!.on("message", (message: Batch) => {
  parentPort!.postMessage(pack(message.batch, message.paths.map(readOne)));
});
