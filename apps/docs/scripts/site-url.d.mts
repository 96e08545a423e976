export declare const siteUrl: string;
export declare const repositoryUrl: string;
export declare function localizeSiteLinks(text: string): string;
