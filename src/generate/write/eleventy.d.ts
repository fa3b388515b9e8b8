// Eleventy 3 ships no type declarations; the part the build uses is typed in eleventy-types.ts.
declare module "@11ty/eleventy";
