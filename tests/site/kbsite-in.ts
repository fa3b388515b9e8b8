/** Runs `kbsite` in a folder, as a user in their project folder does (the config tests, issue 16). */
import { execFile } from "node:child_process";
import { cliPath } from "../helpers/repo.ts";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export function kbsiteIn(cwd: string, ...args: string[]): Promise<Ran> {
  return new Promise((resolve) =>
    execFile(process.execPath, [cliPath, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}
