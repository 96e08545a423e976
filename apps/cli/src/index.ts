export { main, USAGE } from './cli.js';
export { type CommandIo, type ReproduceOutcome, reproduce } from './commands/reproduce.js';
export { parseReproduceArgs, REPRODUCE_USAGE, type ReproduceOptions } from './commands/reproduce-options.js';
export { figureToSvg, svgToPng } from './figures/render.js';
export { AtomicWriter } from './output/atomic-writer.js';
export { escapeHtml, type ReportRun, type ReportSection, reportHtml } from './output/report-html.js';
export { UsageError } from './usage-error.js';
