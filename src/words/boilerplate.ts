// Support and warranty boilerplate every article repeats: shown on the pages, left out of the
// word index and of the passages a result shows.
export const BOILERPLATE =
  /Product Support Services|Microsoft Technical Support|CNTACTMS|In special cases, charges|A supported fix is now available|THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE/i;
