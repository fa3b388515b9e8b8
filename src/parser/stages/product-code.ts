/** productCode: the flat text's "[winnt]" tag; otherwise derived from an unambiguous product name. */
import { PRODUCT_CODES } from "../text/product-codes.ts";
import type { Stage } from "../types.ts";

export const productCode: Stage = (article) => {
  if (article.productCode) return article;
  const [only, ...more] = article.products;
  const code = only !== undefined && more.length === 0 ? PRODUCT_CODES[only] : undefined;
  return code ? { ...article, productCode: code } : article;
};
