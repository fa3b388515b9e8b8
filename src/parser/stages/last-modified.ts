/**
 * lastModified: the printed date as ISO. An impossible date ("31-FOO-1999", "31-FEB-2001") is
 * dropped rather than failing the article: the field is optional and the rest is still good.
 */
import { isoDate } from "../text/dates.ts";
import type { Stage } from "../types.ts";

export const lastModified: Stage = (article) => {
  const iso = article.date ? isoDate(article.date.trim()) : undefined;
  return { ...article, lastModified: iso };
};
