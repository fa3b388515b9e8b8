#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript sources run as they are, then hands
// over to the command-line dispatcher.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
