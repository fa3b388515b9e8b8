/**
 * deploy/Caddyfile keeps its promises on Debian's caddy (deploy-checks.ts says which), at the root and
 * under a prefix; skipped, saying so, where caddy is not installed.
 */
import { deployChecks } from "./deploy-checks.ts";

deployChecks("caddy");
