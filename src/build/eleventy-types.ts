/** The small part of Eleventy's API the build uses (Eleventy ships no TypeScript types). */

export interface EleventyConfig {
  addExtension(extension: string, options: { key: string }): void;
  setTemplateFormats(formats: string[]): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  setQuietMode(quiet: boolean): void;
  addGlobalData(name: string, value: unknown): void;
  addTransform(name: string, transform: (content: string) => string): void;
}

export interface EleventyOptions {
  configPath?: string;
  quietMode?: boolean;
  config?: (eleventyConfig: EleventyConfig) => void | Promise<void>;
}

export interface EleventyResult {
  outputPath?: string | false;
  url?: string | false;
}

export interface EleventyInstance {
  write(): Promise<[unknown[], EleventyResult[]] | EleventyResult[]>;
}

export type EleventyConstructor = new (
  input: string,
  output: string,
  options: EleventyOptions,
) => EleventyInstance;
