/**
 * The live server: the static host of `kbsite serve`, plus the event stream and the live
 * script added to each HTML page on its way out (connect-livereload's way: the handler is left
 * as it is and its answer rewritten). HTML is asked for uncompressed, whole and fresh, so the
 * script can be added before </body> and every reload gets the new build.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { LIVE_SCRIPT } from "./client.ts";
import type { LiveEvents } from "./events.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function liveHandler(serve: Handler, events: LiveEvents): Handler {
  return (req, res) => {
    if (events.handle(req, res)) return;
    if (!/\btext\/html\b/.test(req.headers.accept ?? "")) return serve(req, res);
    for (const header of ["accept-encoding", "range", "if-none-match", "if-modified-since"])
      delete req.headers[header];
    injectInto(res);
    serve(req, res);
  };
}

/** Buffers an HTML answer and adds the live script; any other answer passes untouched. */
function injectInto(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const chunks: Buffer[] = [];
  const isHtml = () => /^text\/html\b/.test(String(res.getHeader("content-type") ?? ""));
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(
          chunk as string,
          typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
        );

  // Headers given to writeHead are set one by one instead, so an HTML answer's stay open to
  // change until its body is known; Node's own implicit writeHead (first write) comes here too.
  const writeHead = res.writeHead.bind(res) as (status: number) => ServerResponse;
  let finishing = false;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers)
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) res.setHeader(name, value as string);
    return finishing || !isHtml() ? writeHead(status) : res;
  }) as ServerResponse["writeHead"];

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isHtml()) return write(chunk, ...rest);
    chunks.push(toBuffer(chunk, rest[0]));
    const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as ServerResponse["write"];

  res.end = ((...args: unknown[]) => {
    if (!isHtml()) return end(...args);
    const chunk = typeof args[0] === "function" ? undefined : args[0];
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, args[1]));
    const html = Buffer.concat(chunks).toString("utf8");
    const at = html.lastIndexOf("</body>");
    const body = Buffer.from(
      at < 0 ? html + LIVE_SCRIPT : html.slice(0, at) + LIVE_SCRIPT + html.slice(at),
    );
    if (!res.headersSent) {
      res.setHeader("Content-Length", body.length);
      res.setHeader("Cache-Control", "no-store");
      res.removeHeader("ETag");
    }
    finishing = true;
    return end(res.req.method === "HEAD" ? undefined : body);
  }) as ServerResponse["end"];
}
