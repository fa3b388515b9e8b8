/** parseFiles on worker threads: every path once, results in input order, paths still arriving. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseFiles } from "../../src/corpus/pool.ts";
import { walkFiles } from "../../src/corpus/walk.ts";

const FILES = 300; // above the in-process limit, so workers are used

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "kbsite-pool-"));
  for (let n = 1; n <= FILES; n++) {
    const sub = join(dir, String(n % 7));
    mkdirSync(sub, { recursive: true });
    const id = `Q${1000 + n}`;
    writeFileSync(
      join(sub, `${id}.TXT`),
      `DOCUMENT:${id}  08-MAY-2002\nTITLE   :T${n}\n\nSUMMARY\n=======\n\ntext\n`,
    );
  }
  writeFileSync(join(dir, "broken.txt"), "no header here\n");
  return dir;
}

describe("parseFiles", () => {
  it("parses files from a walk that is still going, in the walk's order", async () => {
    const dir = folder();
    const walked: string[] = [];
    const order: string[] = [];
    const files = (async function* () {
      for await (const path of walkFiles([dir], () => assert.fail("no walk errors"))) {
        walked.push(path);
        yield path;
      }
    })();
    const parsed = await parseFiles(files, {
      onResult: (result, index) => {
        assert.equal(index, order.length);
        order.push(result.ok ? result.record.source.path : result.path);
      },
    });
    assert.equal(parsed, FILES + 1);
    assert.deepEqual(order, walked);
  });
});
