/** Types of stats.mjs, for the benchmark scripts written in TypeScript. */
export function percentile(values: readonly number[], p: number): number | null;
export function median(values: readonly number[]): number | null;
export function round(x: number, digits?: number): number;
