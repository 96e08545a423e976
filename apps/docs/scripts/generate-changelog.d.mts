export declare function parseChangeset(
  text: string,
): { bumps: Record<string, 'major' | 'minor' | 'patch'>; description: string } | undefined;
export declare function generateChangelogPage(options: {
  workspaceRoot: string;
  packages: { name: string; folder: string }[];
}): string;
