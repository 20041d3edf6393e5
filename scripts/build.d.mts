// Types of scripts/build.mjs for the TypeScript that imports it (the benchmarks).
export declare const DIST: string;
export declare const ENTRIES: Readonly<Record<string, string>>;
export declare function isBuildStale(outdir?: string): boolean;
export declare function buildPrograms(options?: {
  force?: boolean;
  quiet?: boolean;
  outdir?: string;
  /** Output name → source file; ENTRIES when absent. */
  entries?: Readonly<Record<string, string>>;
}): Promise<boolean>;
