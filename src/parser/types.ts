/**
 * The parser's working values. A form adapter turns text into a Draft (header fields plus body
 * lines with the form's indentation removed); the stages turn a Draft into an Article, which
 * `validate` checks against the public record schema.
 */
import type { FileRow, Section, SourceFormat } from "../record.ts";

export interface Draft {
  path: string;
  format: SourceFormat;
  /** The id as printed; the `id` stage checks it. */
  id: string;
  title: string;
  productCode?: string;
  products: string[];
  versions: string[];
  operatingSystems: string[];
  keywords: string[];
  /** The last-modified date as printed, e.g. "08-MAY-2002". */
  date?: string;
  /** The article body, one entry per line, the same text whatever the form. */
  body: string[];
}

export interface Article extends Draft {
  /** The footer's "Additional query words:" text (footer.ts), when it has any. */
  queryWords?: string;
  lastModified?: string;
  appliesTo: string[];
  sections: Section[];
  files: FileRow[];
  references: string[];
}

/** One input form: how to recognise it and how to read its header and body. */
export interface FormAdapter {
  name: string;
  detect: (text: string) => boolean;
  parse: (text: string, path: string) => Draft;
}

export type Stage = (article: Article) => Article;
