export const packages: { slug: string; folder: string; name: string }[];
export function unresolvedApiLinks(exportsBySlug: Record<string, string[]>): string[];
export function generatePages(): Promise<void>;
