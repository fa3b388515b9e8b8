/**
 * An error the user can cause and fix (a bad flag or config key, a folder that is not a site, a
 * lock held by another build, a damaged cache): every such error extends this, so the CLI prints
 * its message as the one line it is, never a stack, and keeps no list of them by hand. An error
 * that does not extend it is a bug, and keeps its stack.
 */
export class UserError extends Error {}
