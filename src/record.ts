/**
 * The article record: what the parser makes of every raw article, whatever its form, and the
 * public JSON API (`kbsite parse` prints one per line; the site serves one beside each article at
 * `/kb/NNN/QNNNNNN/index.json`). The schema below is the single source of truth; the TypeScript
 * type is inferred from it, so the two cannot drift apart.
 */
import { z } from "zod";

/** "Q265433": Q and digits, no leading zeros. */
export const ArticleId = z
  .string()
  .regex(/^Q[1-9][0-9]{0,8}$/, "an id is Q and digits, no leading zeros");

/** An ISO calendar date, "2002-05-08". */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD");

export const Section = z.object({
  /** A slug of the heading, unique within the article: "symptoms", "more-information", "cause-2". */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The heading as printed, e.g. "MORE INFORMATION". */
  heading: z.string().min(1),
  /** The section's text, indentation kept, lines joined with "\n", no trailing blank lines. */
  text: z.string(),
});

/** One row of a hotfix file table. Only `name` is always present. */
export const FileRow = z.object({
  /** The file name as printed, e.g. "Rpcss.exe". */
  name: z.string().min(1),
  /** "4.0.1381.33478"; a colon printed for a dot is read as one (`5.0:2195.2097` is "5.0.2195.2097"). */
  version: z.string().optional(),
  /**
   * Bytes, when the article gives it (`106,768`, `16,256b`, `11,331 bytes`, `258.320` after a
   * version; `105 KB` is 107,520).
   */
  size: z.number().int().nonnegative().optional(),
  /**
   * ISO date, e.g. "2000-07-25", from `7/25/00`, `28/07/99`, `98/10/28`, `03-Jun-2002`,
   * `October 6, 2000` or `17 July 2001`. A date whose day and month are both ≤ 12 is read in the
   * order the other dates of its table show (day first beside `28/07/99`), else month first.
   */
  date: IsoDate.optional(),
  /** 24-hour "HH:MM", e.g. "19:54". */
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  /** One name per platform: "x86" (printed Intel, I386, …), "Alpha", "MIPS", "PowerPC", "Itanium", "x64". */
  platform: z.string().optional(),
});

export const SourceFormat = z.enum(["jekyll", "text"]);

export const ArticleRecord = z.object({
  id: ArticleId,
  /** Plain text: no "Q…:" prefix, HTML entities decoded. */
  title: z.string().min(1),
  /** The product tag, "winnt" (from `[winnt]`); derived from the product name in the Jekyll form. */
  productCode: z.string().optional(),
  /** ["Microsoft Windows NT"] */
  products: z.array(z.string()),
  /** ["winnt:4.0"] or ["4.0", "4.0 SP4"] */
  versions: z.array(z.string()),
  operatingSystems: z.array(z.string()),
  /** ["kbWinNT400PreSP7Fix"] */
  keywords: z.array(z.string()),
  /**
   * The footer's "Additional query words:" line as printed, when it has words ("4.00 crypt32.dll
   * outlook98"): the words Microsoft added for its own search engine, searchable here too.
   */
  queryWords: z.string().min(1).optional(),
  /** ISO date of the article's last modification, "2002-05-08". */
  lastModified: IsoDate.optional(),
  /** The "information in this article applies to" list, one product line each. */
  appliesTo: z.array(z.string()),
  /** The body's sections in order. */
  sections: z.array(Section),
  /** Every row of every hotfix file table, in order. */
  files: z.array(FileRow),
  /** Other KB ids the text cites, in order of first mention, without this article's own id. */
  references: z.array(ArticleId),
  source: z.object({
    /** The path of the file the record came from, as given to the parser. */
    path: z.string(),
    format: SourceFormat,
  }),
});

export type ArticleId = z.infer<typeof ArticleId>;
export type Section = z.infer<typeof Section>;
export type FileRow = z.infer<typeof FileRow>;
export type SourceFormat = z.infer<typeof SourceFormat>;
export type ArticleRecord = z.infer<typeof ArticleRecord>;
