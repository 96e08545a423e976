export function findTables(
  value: unknown,
  path?: string[],
): { path: string[]; rows: Record<string, unknown>[] }[];
export function markdownTable(rows: Record<string, unknown>[]): string;
export function renderBenchFile(title: string, json: unknown): string;
export function generatePerformancePage(options: {
  workspaceRoot: string;
  packages: { slug: string; folder: string; name: string }[];
}): string;
export function humanize(key: string): string;
export function numpyRatioRows(
  packageName: string,
  file: string,
  json: unknown,
): { package: string; benchmark: string; case: string; measure: string; ratio: number; processor: string }[];
export function scrollingTable(markdown: string, label: string): string;
export function formatSeconds(seconds: number): string;
export function benchCharts(title: string, json: unknown): string;
