/** The bench's figures as text: units, the load average, and a table with aligned columns. */
import { loadavg } from "node:os";

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

export function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(head));
  for (const row of rows) console.log(line(row));
}
