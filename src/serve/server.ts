/**
 * The HTTP server of `kbsite serve` and `kbsite build --serve`: the site's handler, and CONNECT
 * (which Node hands to its own listener, and with none closes unanswered) refused with 405 too.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import { refuseTunnel } from "./headers.ts";

export function siteServer(handle: RequestListener): Server {
  return createServer(handle).on("connect", (_, socket) => refuseTunnel(socket));
}
