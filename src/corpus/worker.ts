/** A parsing worker: receives batches of paths, answers with their ParseResults in order. */
import { parentPort } from "node:worker_threads";
import { readOne } from "./read-one.ts";

export interface Batch {
  batch: number;
  paths: string[];
}

parentPort!.on("message", (message: Batch) => {
  const results = message.paths.map(readOne);
  parentPort!.postMessage({ batch: message.batch, results });
});
