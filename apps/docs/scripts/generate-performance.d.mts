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
): {
  package: string;
  benchmark: string;
  group: string;
  configuration: string;
  family: 'benignlab' | 'numpy' | 'ml-matrix';
  case: string;
  measure: string;
  ratio: number;
  processor: string;
}[];
export function isVariant(title: string, titles: string[]): boolean;
export function headlineRatioRows(rows: ReturnType<typeof numpyRatioRows>): {
  package: string;
  case: string;
  measure: string;
  ours: ReturnType<typeof numpyRatioRows>[number];
  mlMatrix: ReturnType<typeof numpyRatioRows>[number] | undefined;
}[];
export function scrollingTable(markdown: string, label: string): string;
export function formatSeconds(seconds: number): string;
export function benchCharts(title: string, json: unknown): string;
