/**
 * `kbsite build --serve`: builds, serves the site as `kbsite serve` does, watches the content
 * folder, the config file and the overrides folder, and on each burst of changes rebuilds in this
 * process through the same build as `kbsite build` (so the same site, and a one-article change
 * costs what an incremental build costs), then tells the open pages to reload. A broken edit (an
 * article that no longer parses, an override that throws, a bad config key) is one line here and
 * a notice on the open pages; the last good site stays served and the next good save recovers.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { ConfigError } from "../config/load.ts";
import { runInterruptSteps } from "../interrupt.ts";
import { LiveEvents } from "../live/events.ts";
import { liveHandler } from "../live/inject.ts";
import { watchSources } from "../live/watch.ts";
import { buildSettings, type BuildSettings } from "./build-options.ts";
import { buildOnce } from "./build-once.ts";
import { listen, portOf } from "./listen.ts";
import { handler } from "./serve.ts";
import { siteServer } from "../serve/server.ts";

type Flags = Record<string, string | boolean | undefined>;

export async function buildAndServe(flags: Flags, first: BuildSettings): Promise<number> {
  const out = resolve(first.out);
  const events = new LiveEvents();
  let building = false;
  // Ctrl-C: a rebuild under way lets go of its staging folder and lock (the site stays the last
  // good one) and the process ends at once; between rebuilds the server closes and run returns.
  const stopped = new Promise<NodeJS.Signals>((done) =>
    process.once("SIGINT", done).once("SIGTERM", done),
  ).then((signal) => {
    runInterruptSteps();
    if (building) {
      console.error(`kbsite build: stopped (${signal}) while rebuilding; the site is unchanged`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    return signal;
  });
  let tolerated: ReadonlySet<string> = new Set();
  const say = (line: string) => console.log(line);
  const broken = (line: string) => {
    console.error(`kbsite build: ${line}`);
    events.send("broken", `${line}\n(the last good site is still served; save a fix to rebuild)`);
  };

  /** One build: the first as `kbsite build` would (errors reported, not fatal), then strict on
   * anything new, so a broken edit never replaces the page it broke. */
  const rebuild = async (settings: BuildSettings, isFirst: boolean): Promise<boolean> => {
    const started = performance.now();
    building = true;
    const built = await buildOnce({
      ...settings,
      strict: !isFirst || flags.strict === true,
      tolerated: isFirst ? undefined : tolerated,
    }).finally(() => (building = false));
    if ("failed" in built) return (broken(built.failed), false);
    tolerated = new Set(built.report.errors.map((error) => error.path));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const memory = Math.round(process.memoryUsage().rss / 2 ** 20);
    say(`built in ${seconds} s; this process holds ${memory} MiB`);
    return true;
  };

  if (!(await rebuild(first, true)) && !existsSync(resolve(out, "index.html")))
    say("no site to serve yet: the first good build will be served");

  const server = siteServer(liveHandler(handler(out, first.prefix), events));
  const listening = await listen(
    server,
    portOf(flags.port as string | undefined),
    (flags.host as string | undefined) ?? "127.0.0.1",
  );
  if ("failed" in listening) return (console.error(`kbsite build: ${listening.failed}`), 1);

  const folders = [resolve(first.content), first.overrides?.dir].filter(
    (path): path is string => path !== undefined,
  );
  const watcher = await watchSources(
    { folders, files: [configFile(flags)], ignored: [out, dirname(out) + "/.kbsite-state"] },
    async ({ paths }) => {
      say(`${paths.length} ${paths.length === 1 ? "change" : "changes"}: rebuilding`);
      let settings: BuildSettings;
      try {
        settings = buildSettings(flags);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return broken(error.message);
      }
      if (resolve(settings.out) !== out || settings.prefix !== first.prefix)
        return broken("the config now names another --out or --prefix; restart to serve it");
      if (await rebuild(settings, false)) events.send("reload");
    },
    (line) => console.error(`kbsite build: ${line}`),
  );
  say(
    `Serving ${out} at ${listening.origin}${first.prefix}, rebuilding on changes (Ctrl-C to stop)`,
  );

  const signal = await stopped;
  events.close();
  server.closeAllConnections();
  server.close();
  // chokidar can take long to let go of a folder that went away; the process ends regardless.
  await Promise.race([watcher.close(), new Promise((done) => setTimeout(done, 1000).unref())]);
  return signal === "SIGINT" ? 130 : 143;
}

/** The config file a rebuild reads again: --config, or kbsite.config.json here. */
function configFile(flags: Flags): string {
  return resolve((flags.config as string | undefined) ?? "kbsite.config.json");
}
