/**
 * The script the live server adds to every HTML page it serves, never written into the site:
 * it listens to the event stream, reloads the page after a good rebuild and shows the reason
 * after a bad one (the page itself is the last good build's, still served). Plain text, not a
 * function's source, so no transpiler helper can slip into it.
 */
import { EVENTS_PATH } from "./events.ts";

const NOTICE_STYLE =
  "position:fixed;inset:auto 0 0 0;z-index:9999;padding:.75rem 1rem;background:#7f1d1d;" +
  "color:#fff;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap";

const SOURCE = `(() => {
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("reload", () => location.reload());
  source.addEventListener("broken", (event) => {
    let notice = document.getElementById("kbsite-live-notice");
    if (!notice) {
      notice = document.createElement("div");
      notice.id = "kbsite-live-notice";
      notice.setAttribute("role", "alert");
      notice.style.cssText = ${JSON.stringify(NOTICE_STYLE)};
      document.body.append(notice);
    }
    notice.textContent = "kbsite build: " + event.data;
  });
})();`;

/** The <script> element injected before </body>. */
export const LIVE_SCRIPT = `<script>${SOURCE}</script>`;
