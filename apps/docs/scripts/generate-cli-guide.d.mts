export function escapeOutsideCode(markdown: string): string;
export function generateCliGuide(): Promise<{ markdown: string; commands: string[] }>;
