/** The small part of Eleventy's API the build uses (Eleventy ships no TypeScript types). */

export interface EleventyConfig {
  addExtension(extension: string, options: { key: string }): void;
  setTemplateFormats(formats: string[]): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  setQuietMode(quiet: boolean): void;
  addGlobalData(name: string, value: unknown): void;
  addTransform(name: string, transform: (content: string) => string): void;
  /** Paths or globs of templates to skip. */
  ignores: Set<string>;
}

export interface EleventyOptions {
  configPath?: string;
  quietMode?: boolean;
  config?: (eleventyConfig: EleventyConfig) => void | Promise<void>;
}

/** A page Eleventy wrote. */
export interface EleventyResult {
  outputPath?: string | false;
  url?: string | false;
}

/** A passthrough copy: source → written path. */
export interface EleventyCopy {
  map?: Record<string, string>;
}

export interface EleventyInstance {
  /** Silences Eleventy's own lines; errors still reject write(). */
  disableLogger(): void;
  write(): Promise<[EleventyCopy[], EleventyResult[]]>;
}

export type EleventyConstructor = new (
  input: string,
  output: string,
  options: EleventyOptions,
) => EleventyInstance;
