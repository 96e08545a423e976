export const crossOriginIsolationHeaders: Record<string, string>;
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}
export function startStaticServer(root: string, port?: number): Promise<StaticServer>;
