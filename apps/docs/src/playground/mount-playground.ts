import { drawRiskFigure } from './draw-figures.ts';
import { ntkTheoryTrusted, ntkTrustRatio } from './ntk-trust-region.ts';
import {
  type BudgetMode,
  type NtkLayers,
  type PlaygroundModel,
  type PlaygroundParameters,
  parameterRanges,
} from './parameters.ts';
import { settingsFromQuery, settingsToQuery } from './settings-url.ts';
import type { WorkerMessage } from './simulate.worker.ts';
import type { SimulatedPoint, SimulationRequest } from './simulation.ts';
import { simulatedSampleSizes } from './simulation.ts';
import type { TheoryReply, TheoryRequest } from './theory.worker.ts';
import { sampleSizeGrid, type TheoryCurves, theoryCurves } from './theory-curves.ts';

type NumericKey = 'n' | 'a' | 'b' | 'sigma' | 'alpha' | 'lambda';

interface SliderSpec {
  key: NumericKey;
  label: string;
  /** Slider position ↔ value (log scales for n and λ). */
  toValue(position: number): number;
  toPosition(value: number): number;
  min: number;
  max: number;
  step: number;
  format(value: number): string;
}

function linearSlider(
  key: NumericKey,
  label: string,
  range: { min: number; max: number; step: number },
): SliderSpec {
  const decimals = Math.max(0, -Math.floor(Math.log10(range.step)));
  return {
    key,
    label,
    toValue: (position) => position,
    toPosition: (value) => value,
    ...range,
    format: (value) => value.toFixed(decimals),
  };
}

function logSlider(key: NumericKey, label: string, min: number, max: number, integer: boolean): SliderSpec {
  const span = Math.log10(max / min);
  return {
    key,
    label,
    toValue: (position) => {
      const value = min * 10 ** (position * span);
      return integer ? Math.round(value) : Number(value.toPrecision(3));
    },
    toPosition: (value) => Math.log10(value / min) / span,
    min: 0,
    max: 1,
    step: 0.005,
    format: (value) => (integer ? String(value) : value.toExponential(1)),
  };
}

const sliders: SliderSpec[] = [
  logSlider('n', 'sample size n', parameterRanges.n.min, parameterRanges.n.max, true),
  linearSlider('a', 'a  (p = ⌈nᵃ⌉ + 5)', parameterRanges.a),
  linearSlider('b', 'b  (tail eigenvalue n⁻ᵇ)', parameterRanges.b),
  linearSlider('sigma', 'noise σ', parameterRanges.sigma),
  linearSlider('alpha', 'budget α (ℓ2)', parameterRanges.alpha),
  logSlider('lambda', 'ridge λ', parameterRanges.lambda.min, parameterRanges.lambda.max, false),
];

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function select<T extends string>(
  document: Document,
  label: string,
  testId: string,
  options: readonly [T, string][],
  value: T,
  onChange: (value: T) => void,
): HTMLElement {
  const wrapper = element(document, 'div', { class: 'bl-control' });
  const id = `bl-${testId}`;
  wrapper.append(element(document, 'label', { for: id }, label));
  const input = element(document, 'select', { id, 'data-testid': testId });
  for (const [optionValue, optionLabel] of options) {
    const option = element(document, 'option', { value: optionValue }, optionLabel);
    option.selected = optionValue === value;
    input.append(option);
  }
  input.addEventListener('change', () => onChange(input.value as T));
  wrapper.append(input);
  return wrapper;
}

/** The handle {@link mountPlayground} returns. */
export interface PlaygroundHandle {
  destroy(): void;
}

/** What the page shows about the last simulation. */
type SimulationState = 'idle' | 'running' | 'done' | 'stale' | 'cancelled' | 'failed';

/**
 * Builds the playground into `container`: sliders for n, a, b, σ, α, λ, the budget mode
 * and the model, with the risk-against-n figure beside them (below them on narrow
 * screens) and the λ trade-off under it. The theory curves (from `ridgeTheoryPath`) are
 * computed in a Web Worker, so a slider step costs the page only the drawing; the
 * settings live in the URL (`?n=…&a=…`), so a link reproduces the figure. "Simulate" runs
 * the real packages in another Web Worker (with linalg's Web Worker threads when the page
 * is cross-origin isolated), can be cancelled, and its dots are marked stale, not
 * silently dropped, when the settings change.
 *
 * @param container the element the playground replaces the children of
 * @returns a handle whose `destroy()` stops the workers and empties `container`
 * @example
 * ```ts
 * const handle = mountPlayground(document.querySelector('#playground')!);
 * handle.destroy();
 * ```
 */
export function mountPlayground(container: HTMLElement): PlaygroundHandle {
  const document = container.ownerDocument;
  const window = document.defaultView;
  const fromUrl = settingsFromQuery(window?.location.search ?? '');
  const params: PlaygroundParameters = fromUrl.params;
  let simulated: { params: PlaygroundParameters; points: SimulatedPoint[]; summary: string } | undefined;
  let simulationState: SimulationState = 'idle';
  let worker: Worker | undefined;
  let runningRequest: SimulationRequest | undefined;
  let revision = 0;
  let curves: TheoryCurves | undefined;

  const root = element(document, 'div', { class: 'bl-playground', 'data-testid': 'playground' });
  const controls = element(document, 'div', { class: 'bl-controls', 'data-testid': 'controls' });
  const sliderInputs = new Map<NumericKey, { input: HTMLInputElement; output: HTMLOutputElement }>();
  for (const spec of sliders) {
    const wrapper = element(document, 'div', { class: 'bl-control' });
    const id = `bl-slider-${spec.key}`;
    const label = element(document, 'label', { for: id });
    const output = element(document, 'output', { 'data-testid': `value-${spec.key}` });
    output.textContent = spec.format(params[spec.key]);
    label.append(document.createTextNode(spec.label), output);
    const input = element(document, 'input', {
      id,
      type: 'range',
      min: String(spec.min),
      max: String(spec.max),
      step: String(spec.step),
      'data-testid': `slider-${spec.key}`,
    });
    input.value = String(spec.toPosition(params[spec.key]));
    input.addEventListener('input', () => {
      params[spec.key] = spec.toValue(Number(input.value));
      output.textContent = spec.format(params[spec.key]);
      settingsChanged();
    });
    sliderInputs.set(spec.key, { input, output });
    wrapper.append(label, input);
    controls.append(wrapper);
  }
  controls.append(
    select<BudgetMode>(
      document,
      'budget',
      'budget',
      [
        ['relative', 'relative: α·√tr Σ'],
        ['absolute', 'absolute: α'],
      ],
      params.budget,
      (value) => {
        params.budget = value;
        settingsChanged();
      },
    ),
    select<PlaygroundModel>(
      document,
      'model',
      'model',
      [
        ['min-norm', 'min-norm interpolator'],
        ['ridge', 'ridge (λ)'],
        ['ntk', 'NTK kernel regression (λ)'],
      ],
      params.model,
      (value) => {
        params.model = value;
        settingsChanged();
      },
    ),
    select<NtkLayers>(
      document,
      'NTK layers trained',
      'ntk-layers',
      [
        ['first', 'first layer (K₁)'],
        ['both', 'both layers (K₁ + K₂)'],
      ],
      params.ntkLayers,
      (value) => {
        params.ntkLayers = value;
        settingsChanged();
      },
    ),
  );

  const actions = element(document, 'div', { class: 'bl-actions' });
  const button = element(document, 'button', { type: 'button', 'data-testid': 'simulate' }, 'Simulate');
  const cancel = element(
    document,
    'button',
    { type: 'button', class: 'bl-secondary', 'data-testid': 'cancel' },
    'Cancel',
  );
  cancel.disabled = true;
  const progress = element(document, 'progress', {
    max: '1',
    value: '0',
    'data-testid': 'simulate-progress',
  });
  const permalink = element(
    document,
    'a',
    { 'data-testid': 'permalink', class: 'bl-permalink' },
    'Link to these settings',
  );
  actions.append(button, cancel, progress, permalink);
  const status = element(document, 'p', {
    class: 'bl-status',
    'data-testid': 'simulate-status',
    role: 'status',
  });
  status.textContent = 'No simulation yet: the lines are theory. Simulate overlays measured dots.';

  const info = element(document, 'p', { class: 'bl-status', 'data-testid': 'theory-info' });
  const figureByN = element(document, 'figure', { class: 'bl-figure', 'data-testid': 'figure-n' });
  const figureByLambda = element(document, 'figure', { class: 'bl-figure', 'data-testid': 'figure-lambda' });
  const errorBox = element(document, 'p', { class: 'bl-error', 'data-testid': 'playground-error' });
  if (fromUrl.rejected.length) errorBox.textContent = `Ignored in the link: ${fromUrl.rejected.join('; ')}.`;
  const panel = element(document, 'div', { class: 'bl-panel' });
  panel.append(controls, actions, status, info, errorBox);
  root.append(panel, figureByN, figureByLambda);
  container.replaceChildren(root);

  /** The simulated dots for the current settings, or undefined (none, or simulated for others). */
  function simulatedFor(current: PlaygroundParameters): SimulatedPoint[] | undefined {
    if (!simulated) return undefined;
    return sameSettings(simulated.params, current) ? simulated.points : undefined;
  }

  function sameSettings(x: PlaygroundParameters, y: PlaygroundParameters): boolean {
    // n only moves the marker and the largest simulated size: dots for the other n stay valid.
    return (Object.keys(x) as (keyof PlaygroundParameters)[]).every(
      (key) => key === 'n' || x[key] === y[key],
    );
  }

  function setSimulationState(state: SimulationState, text: string): void {
    simulationState = state;
    root.dataset.simulation = state;
    status.textContent = text;
  }

  /** Re-derives "done" ↔ "stale" after a settings change; a running or failed run keeps its state. */
  function refreshStaleness(): void {
    if (!simulated || (simulationState !== 'done' && simulationState !== 'stale')) return;
    if (simulatedFor(params)) setSimulationState('done', simulated.summary);
    else
      setSimulationState(
        'stale',
        `Stale: the last simulation was for other settings (${describeChanges(simulated.params, params)}); its dots are hidden. Press Simulate to measure these settings.`,
      );
  }

  function describeChanges(from: PlaygroundParameters, to: PlaygroundParameters): string {
    return (Object.keys(from) as (keyof PlaygroundParameters)[])
      .filter((key) => key !== 'n' && from[key] !== to[key])
      .map((key) => `${key} = ${from[key]}`)
      .join(', ');
  }

  function describe(current: TheoryCurves): string {
    const model =
      params.model === 'min-norm'
        ? 'min-norm (λ = 0)'
        : params.model === 'ridge'
          ? `ridge, λ = ${params.lambda.toExponential(1)}`
          : `NTK (${params.ntkLayers === 'first' ? 'K₁' : 'K₁ + K₂'}), linearized: implicit ridge λ_eff = ${current.modelLambda.toExponential(2)}`;
    return `n = ${params.n}, p = ${current.dimension.toLocaleString('en-US')}, tr Σ = ${current.traceSigma.toFixed(2)}, α = ${current.alphaAbsolute.toPrecision(3)} (${params.budget}); ${model}. Benign regime needs a > 1 and a − 1 < b${params.a - 1 < params.b ? ' ✓' : ' ✗'}.`;
  }

  /** Sample-size ranges of the n figure where the linearised NTK line is not trusted. */
  function untrustedRanges(): { x1: number; x2: number }[] {
    if (params.model !== 'ntk') return [];
    const grid = sampleSizeGrid(params.a);
    const ranges: { x1: number; x2: number }[] = [];
    for (const [i, n] of grid.entries()) {
      if (ntkTheoryTrusted(n, params.a)) continue;
      const x1 = i === 0 ? n : Math.sqrt(n * (grid[i - 1] as number));
      const x2 = i === grid.length - 1 ? n : Math.sqrt(n * (grid[i + 1] as number));
      const last = ranges.at(-1);
      if (last && last.x2 === x1) last.x2 = x2;
      else ranges.push({ x1, x2 });
    }
    return ranges;
  }

  function figureWidth(figure: HTMLElement): number {
    const width = figure.clientWidth || 480;
    return Math.max(280, Math.min(640, width));
  }

  function draw(): void {
    if (!curves) return;
    const started = performance.now();
    const points = simulatedFor(params);
    info.textContent = describe(curves);
    const trusted = params.model !== 'ntk' || ntkTheoryTrusted(params.n, params.a);
    const untrusted = untrustedRanges();
    figureByN.dataset.ntkTrust = params.model !== 'ntk' ? 'not-applicable' : trusted ? 'inside' : 'outside';
    const captionN = element(
      document,
      'figcaption',
      {},
      'Standard risk R, adversarial risk R_α of the chosen model, and the robust truth’s R_α(θ*) = α²‖θ*‖². Dashed: the chosen n.',
    );
    const nodes: Node[] = [];
    if (params.model === 'ntk' && (untrusted.length || !trusted)) {
      const warning = element(document, 'p', { class: 'bl-warning', 'data-testid': 'ntk-trust-warning' });
      warning.append(
        document.createTextNode(
          `${trusted ? 'Shaded' : `At n = ${params.n} (p = ${curves.dimension.toLocaleString('en-US')} < ${ntkTrustRatio} n) and shaded`}: the linearised NTK line is outside its trust region (p ≥ ${ntkTrustRatio} n) and can be off by 2×; trust the simulated dots there. `,
        ),
        // The playground and the Theory page sit side by side at the site's root.
        element(document, 'a', { href: './theory.html#ntk-trust-region' }, 'Why'),
      );
      nodes.push(warning);
    }
    nodes.push(
      drawRiskFigure({
        theory: curves.bySampleSize,
        simulated: points,
        xLabel: 'sample size n',
        marker: params.n,
        title: 'Risks against n (theory lines, simulation dots)',
        document,
        width: figureWidth(figureByN),
        untrusted,
      }),
      captionN,
    );
    figureByN.replaceChildren(...nodes);
    figureByLambda.replaceChildren(
      drawRiskFigure({
        theory: curves.byLambda,
        xLabel: params.model === 'ntk' ? 'kernel ridge λ' : 'ridge λ',
        xTickFormat: '.0e',
        marker: params.model === 'min-norm' ? undefined : params.lambda,
        title: `The ridge trade-off at n = ${params.n}`,
        document,
        width: figureWidth(figureByLambda),
      }),
      element(
        document,
        'figcaption',
        {},
        params.model === 'ntk'
          ? 'NTK ridge over λ (linearized theory). No λ makes R and R_α small together under a relative budget.'
          : 'Ridge over λ: a large λ protects R_α but biases R. The min-norm interpolator is the λ → 0 end.',
      ),
    );
    revision += 1;
    root.dataset.revision = String(revision);
    // Main-thread time of this redraw (the figures' DOM, before style and layout), for diagnosis.
    root.dataset.drawMs = (performance.now() - started).toFixed(1);
  }

  // The theory worker: one request in flight; while it computes, only the latest settings wait.
  let theoryWorker: Worker | undefined;
  let requested = 0;
  let inFlight = false;
  let pending: TheoryRequest | undefined;
  try {
    theoryWorker = new Worker(new URL('./theory.worker.ts', import.meta.url), { type: 'module' });
    theoryWorker.onmessage = (event: MessageEvent<TheoryReply>) => {
      inFlight = false;
      const reply = event.data;
      if (pending) {
        send(pending);
        pending = undefined;
      }
      // A reply for settings already superseded is not drawn: the next one is on its way.
      if (reply.id !== requested) return;
      if ('error' in reply) {
        errorBox.textContent = reply.error;
        return;
      }
      curves = reply.curves;
      root.dataset.theory = 'ready';
      draw();
    };
  } catch {
    theoryWorker = undefined;
  }

  function send(request: TheoryRequest): void {
    inFlight = true;
    theoryWorker?.postMessage(request);
  }

  function requestTheory(): void {
    requested += 1;
    root.dataset.theory = 'computing';
    const request: TheoryRequest = { id: requested, params: { ...params } };
    if (!theoryWorker) {
      // No Worker (an old engine): compute here, the page just waits a little longer.
      try {
        curves = theoryCurves(request.params);
        root.dataset.theory = 'ready';
        draw();
      } catch (error) {
        errorBox.textContent = error instanceof Error ? error.message : String(error);
      }
      return;
    }
    if (inFlight) pending = request;
    else send(request);
  }

  function updateUrl(): void {
    const query = settingsToQuery(params);
    permalink.href = `?${query}`;
    if (window && window.location.search !== `?${query}`) {
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}?${query}${window.location.hash}`,
      );
    }
  }

  function settingsChanged(): void {
    updateUrl();
    refreshStaleness();
    if (simulationState === 'running' && runningRequest && !sameSettings(runningRequest.params, params)) {
      status.textContent = `${status.textContent?.replace(/ \(for the settings at the click.*$/, '')} (for the settings at the click; they changed since, so its dots will be marked stale)`;
    }
    requestTheory();
  }

  function stopWorker(): void {
    worker?.terminate();
    worker = undefined;
    runningRequest = undefined;
    button.disabled = false;
    cancel.disabled = true;
  }

  function runSimulation(): void {
    stopWorker();
    const request: SimulationRequest = { params: { ...params }, replicates: 4, seed: 2024, testSize: 200 };
    const sizes = simulatedSampleSizes(request.params);
    runningRequest = request;
    worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
    button.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    setSimulationState('running', `Simulating n = ${sizes.join(', ')} (${request.replicates} draws each)…`);
    let lastProgress = { done: 0, total: sizes.length * request.replicates };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'threads') {
        root.dataset.threads = String(message.threads);
        return;
      }
      if (message.type === 'progress') {
        lastProgress = message;
        progress.value = message.done / message.total;
        const changed = !sameSettings(request.params, params);
        status.textContent = `Simulating on ${message.threads} thread${message.threads === 1 ? '' : 's'}: ${message.done}/${message.total} fits (n = ${message.n})…${changed ? ' (for the settings at the click; they changed since, so its dots will be marked stale)' : ''}`;
        return;
      }
      stopWorker();
      if (message.type === 'error') {
        setSimulationState('failed', `Simulation failed: ${message.message}`);
        return;
      }
      const threads = `${message.threads} thread${message.threads === 1 ? '' : 's'} (linalg backend ${message.backend})`;
      const why = message.threadsNote ? `; ${message.threadsNote}` : '';
      const summary = `Done: ${message.points.length / 2} sample sizes × ${request.replicates} draws in ${(message.ms / 1000).toFixed(1)} s on ${threads}${why}. Dots: mean ± s.e.`;
      simulated = { params: request.params, points: message.points, summary };
      setSimulationState('done', summary);
      refreshStaleness();
      draw();
    };
    worker.onerror = (event) => {
      stopWorker();
      setSimulationState('failed', `Simulation failed: ${event.message}`);
    };
    cancel.onclick = () => {
      stopWorker();
      progress.value = 0;
      setSimulationState(
        'cancelled',
        `Cancelled after ${lastProgress.done} of ${lastProgress.total} fits; nothing was drawn from this run.${simulated ? ' The earlier simulation’s dots stay where they apply.' : ''}`,
      );
    };
    worker.postMessage(request);
  }

  // Redraw at the figure's new width when the column changes (phone rotation, window resize).
  let lastWidth = 0;
  const resize =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          const width = figureWidth(figureByN);
          if (Math.abs(width - lastWidth) < 8) return;
          lastWidth = width;
          draw();
        })
      : undefined;
  resize?.observe(figureByN);

  button.addEventListener('click', runSimulation);
  root.dataset.simulation = 'idle';
  updateUrl();
  requestTheory();
  return {
    destroy() {
      worker?.terminate();
      theoryWorker?.terminate();
      resize?.disconnect();
      container.replaceChildren();
    },
  };
}
