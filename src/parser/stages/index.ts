/**
 * The parser's stages, in order: `[name, stage]` pairs run one after the other, each returning a
 * new Article. They see the same Draft whatever the input form.
 */
import type { Stage } from "../types.ts";
import { appliesTo } from "./applies-to.ts";
import { files } from "./files.ts";
import { footer } from "./footer.ts";
import { id } from "./id.ts";
import { lastModified } from "./last-modified.ts";
import { platforms } from "./platforms.ts";
import { productCode } from "./product-code.ts";
import { references } from "./references.ts";
import { sections } from "./sections.ts";
import { title } from "./title.ts";

export const STAGES: ReadonlyArray<readonly [string, Stage]> = [
  ["id", id],
  ["title", title],
  ["lastModified", lastModified],
  ["productCode", productCode],
  ["footer", footer],
  ["appliesTo", appliesTo],
  ["sections", sections],
  ["files", files],
  ["platforms", platforms],
  ["references", references],
];
