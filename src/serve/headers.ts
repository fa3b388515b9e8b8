/**
 * The headers every answer of `kbsite serve` carries, 404, 405, 416 and 500 included; the same as
 * deploy/nginx.conf sends, so the site is tried locally under the policy it gets in production.
 * The policy is the narrowest the site works under: its own inline scripts and styles (the theme
 * switch, the search page's start-up), Pagefind's WebAssembly ('wasm-unsafe-eval') and its worker
 * (blob:), and data: images.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; " +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; " +
    "frame-ancestors 'self'",
};

/** The methods a static site answers; any other gets 405 with this as its Allow header. */
export const ALLOWED_METHODS = "GET, HEAD";

/**
 * The answer to CONNECT, which Node's server hands to a "connect" listener instead of the request
 * handler (and, with none, closes the connection unanswered): 405 like any other method.
 */
export function refuseTunnel(socket: { end(text: string): void }): void {
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS}\r\n${headers.join("")}` +
      "Content-Length: 0\r\nConnection: close\r\n\r\n",
  );
}
