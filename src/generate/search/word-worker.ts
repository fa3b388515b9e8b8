/** The word index's thread (word-aside.ts): counts the records it was given, answers the texts. */
import { parentPort, workerData } from "node:worker_threads";
import type { WordRecord } from "./search-records.ts";
import { indexTexts } from "./word-index.ts";

parentPort!.postMessage(indexTexts(workerData as WordRecord[]));
