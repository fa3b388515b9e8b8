/**
 * What a site says about itself, from the config file (src/config/): its name, its description,
 * its logo, its footer links and its language. The defaults are kbsite's own, so a site built
 * without a config file is what it always was.
 */

export interface FooterLink {
  text: string;
  href: string;
}

export interface Brand {
  /** The header, the home page's heading, every page's title. */
  name: string;
  /** The home page's text and meta description; undefined: kbsite's own. */
  description?: string;
  /** The logo's site path ("/assets/logo.svg"); undefined: the "KB" mark. */
  logo?: string;
  /** Footer links, in order, after the sitemap's. */
  links: FooterLink[];
  /** The pages' `lang`. */
  language: string;
}

export const DEFAULT_BRAND: Brand = { name: "Knowledge Base Archive", links: [], language: "en" };
