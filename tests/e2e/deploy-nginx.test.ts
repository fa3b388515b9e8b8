/**
 * deploy/nginx.conf keeps its promises on Debian's nginx (deploy-checks.ts says which), at the root and
 * under a prefix; skipped, saying so, where nginx is not installed.
 */
import { deployChecks } from "./deploy-checks.ts";

deployChecks("nginx");
