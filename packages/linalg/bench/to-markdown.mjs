// Prints bench-results/linalg.json (or the file given) as the Markdown tables of the README.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file =
  process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-results', 'linalg.json');
const { session, results } = JSON.parse(readFileSync(file, 'utf8'));
// Sessions before the runtime and SIMD level were recorded ran on Node, processor flags unknown.
const runtime = session.runtime ?? `Node ${session.node}`;
const processor = `${session.cpu}, ${session.simd ?? 'SIMD level not recorded'}`;
const fixed = (value, digits) => (value === undefined || value === null ? '—' : value.toFixed(digits));
console.log(
  `Session ${session.date}, ${runtime}, ${processor}, ${session.threads} threads, load average ${session.loadAverageAtStart
    .map((x) => x.toFixed(1))
    .join(
      '/',
    )} at start; micro-kernel peak per thread: SIMD ${fixed(session.microKernelPeakGflops.simd, 1)}, FMA ${fixed(
    session.microKernelPeakGflops.fma,
    1,
  )} GFLOP/s.\n`,
);
for (const result of results) {
  const numpyRows = result.rows.filter((row) => row.implementation === 'numpy');
  const numpyBest = numpyRows.reduce(
    (best, row) => (best && best.medianSeconds <= row.medianSeconds ? best : row),
    undefined,
  );
  for (const row of result.rows)
    row.ratioToNumpy = numpyBest ? row.medianSeconds / numpyBest.medianSeconds : undefined;
  console.log(
    `**${result.label}** on ${processor} (ratios against numpy on ${numpyBest?.threads ?? '—'} thread(s), its faster configuration)\n`,
  );
  console.log(
    '| implementation | runtime | threads | median s | ours / numpy | × faster than ml-matrix | GFLOP/s | % of kernel peak | peak RSS MiB |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of result.rows) {
    const seconds = `${row.extrapolated ? '≈' : ''}${fixed(row.medianSeconds, 3)}${row.extrapolated ? ` (from ${row.measuredSize.join('×')})` : ''}`;
    console.log(
      `| ${row.implementation === 'default' ? `default (${row.backend})` : row.implementation} | ${row.runtime ?? (row.implementation === 'numpy' ? 'python3' : runtime)} | ${row.threads} | ${seconds} | ${fixed(row.ratioToNumpy, 2)} | ${fixed(row.speedupOverMlMatrix, 1)} | ${fixed(
        row.gflops,
        1,
      )} | ${fixed(row.percentOfKernelPeak, 0)} | ${fixed(row.peakRssMiB, 0)} |`,
    );
  }
  console.log('');
}
