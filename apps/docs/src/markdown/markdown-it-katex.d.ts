declare module 'markdown-it-katex' {
  const plugin: (md: unknown, options?: unknown) => void;
  export default plugin;
}
