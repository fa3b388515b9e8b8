/** id: the printed id must be Q and digits; leading zeros are dropped ("Q012345" is Q12345). */
import { ParseError } from "../errors.ts";
import type { Stage } from "../types.ts";

const ID = /^Q0*([1-9][0-9]{0,8})$/i;

export const id: Stage = (article) => {
  const m = ID.exec(article.id.trim());
  if (!m) {
    const shown = JSON.stringify(article.id.slice(0, 40));
    throw new ParseError(`invalid article id ${shown}: an id is Q and digits, e.g. Q265433`);
  }
  return { ...article, id: `Q${m[1]}` };
};
