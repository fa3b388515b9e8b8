/**
 * The live server's event stream (server-sent events): the open pages listen on EVENTS_PATH and
 * are told `reload` after a good rebuild and `broken` (with the terminal's line) after a bad one,
 * so the page shows the notice while the last good site stays served.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** A path no build writes (the site's own folders never start with an underscore and a dot). */
export const EVENTS_PATH = "/_.kbsite-live";

export class LiveEvents {
  private readonly clients = new Set<ServerResponse>();
  private last?: { event: string; data: string };

  /** Answers the event stream's requests; false for every other request. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (new URL(req.url ?? "/", "http://x").pathname !== EVENTS_PATH) return false;
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    // A page opened while the site is broken learns it at once.
    res.write(
      this.last?.event === "broken" ? frame(this.last.event, this.last.data) : ": live\n\n",
    );
    this.clients.add(res);
    req.once("close", () => this.clients.delete(res));
    return true;
  }

  /** Tells every open page: `reload`, or `broken` with the reason. */
  send(event: "reload" | "broken", data = ""): void {
    this.last = { event, data };
    for (const client of this.clients) client.write(frame(event, data));
  }

  /** How many pages listen (the terminal says it after a rebuild). */
  get listening(): number {
    return this.clients.size;
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}

function frame(event: string, data: string): string {
  const lines = data.split("\n").map((line) => `data: ${line}`);
  return `event: ${event}\n${lines.join("\n")}\n\n`;
}
