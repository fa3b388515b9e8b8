/** Records for the site tests: a plain one, and one made of hostile text throughout. */
import type { ArticleRecord } from "../../src/record.ts";

export function record(overrides: Partial<ArticleRecord> & { id: string }): ArticleRecord {
  return {
    title: `Article ${overrides.id}`,
    productCode: "winnt",
    products: ["Microsoft Windows NT"],
    versions: ["winnt:4.0"],
    operatingSystems: [],
    keywords: ["kbbug"],
    lastModified: "2002-05-08",
    appliesTo: ["Microsoft Windows NT Server version 4.0"],
    sections: [{ id: "symptoms", heading: "SYMPTOMS", text: "Something leaks." }],
    files: [],
    references: [],
    source: { path: `content/${overrides.id}.txt`, format: "text" },
    ...overrides,
  };
}

export const HOSTILE = `<script>alert(1)</script> {{ 7*7 }} {% include "x" %} \${process.exit()} "quoted" & 'single'`;

export function hostileRecord(): ArticleRecord {
  return record({
    id: "Q50552",
    title: `Title ${HOSTILE}`,
    productCode: "../<b>win</b>",
    products: [`Product ${HOSTILE}`],
    keywords: ["kb../../etc", `<img src=x onerror=alert(1)>`, "{{ 7*7 }}"],
    sections: [
      { id: "symptoms", heading: "SYMPTOMS", text: `First line ${HOSTILE}\nsecond line.` },
      {
        id: "cause",
        heading: "CAUSE <i>",
        text: "javascript:alert(1) and http://example.com/a?b=1&c=2.",
      },
    ],
    files: [
      { name: "../../etc/passwd", platform: "Intel" },
      { name: "..\\..\\windows\\win.ini" },
      { name: `<svg onload=alert(1)>.dll`, size: 1024 },
      { name: "index.html" },
    ],
    references: ["Q265433"],
  });
}
