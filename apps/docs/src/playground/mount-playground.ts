import { drawRiskFigure } from './draw-figures.ts';
import {
  type BudgetMode,
  defaultParameters,
  type NtkLayers,
  type PlaygroundModel,
  type PlaygroundParameters,
  parameterRanges,
} from './parameters.ts';
import type { WorkerMessage } from './simulate.worker.ts';
import type { SimulatedPoint, SimulationRequest } from './simulation.ts';
import { simulatedSampleSizes } from './simulation.ts';
import { type TheoryCurves, theoryCurves } from './theory-curves.ts';

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

/**
 * Builds the playground into `container`: sliders for n, a, b, σ, α, λ, the budget mode
 * and the model; two theory figures redrawn on every change (from `ridgeTheoryPath`);
 * and a "simulate" button that runs the real packages in a module Web Worker with a
 * progress bar, overlaying simulated means ± standard errors on the theory.
 *
 * @example
 * ```ts
 * const handle = mountPlayground(document.querySelector('#playground')!);
 * handle.destroy();
 * ```
 */
export function mountPlayground(container: HTMLElement): PlaygroundHandle {
  const document = container.ownerDocument;
  const params: PlaygroundParameters = { ...defaultParameters };
  let simulated: { params: PlaygroundParameters; points: SimulatedPoint[] } | undefined;
  let worker: Worker | undefined;
  let revision = 0;
  let scheduled = false;

  const root = element(document, 'div', { class: 'bl-playground', 'data-testid': 'playground' });
  const controls = element(document, 'div', { class: 'bl-controls' });
  const outputs = new Map<NumericKey, HTMLOutputElement>();
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
      scheduleRedraw();
    });
    outputs.set(spec.key, output);
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
        scheduleRedraw();
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
        scheduleRedraw();
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
        scheduleRedraw();
      },
    ),
  );

  const actions = element(document, 'div', { class: 'bl-actions' });
  const button = element(document, 'button', { type: 'button', 'data-testid': 'simulate' }, 'Simulate');
  const progress = element(document, 'progress', {
    max: '1',
    value: '0',
    'data-testid': 'simulate-progress',
  });
  const status = element(document, 'span', {
    class: 'bl-status',
    'data-testid': 'simulate-status',
    role: 'status',
  });
  actions.append(button, progress, status);

  const info = element(document, 'p', { class: 'bl-status', 'data-testid': 'theory-info' });
  const figures = element(document, 'div', { class: 'bl-figures' });
  const figureByN = element(document, 'figure', { class: 'bl-figure', 'data-testid': 'figure-n' });
  const figureByLambda = element(document, 'figure', { class: 'bl-figure', 'data-testid': 'figure-lambda' });
  figures.append(figureByN, figureByLambda);
  const errorBox = element(document, 'p', { class: 'bl-error', 'data-testid': 'playground-error' });
  root.append(controls, actions, info, errorBox, figures);
  container.replaceChildren(root);

  function simulatedFor(current: PlaygroundParameters): SimulatedPoint[] | undefined {
    if (!simulated) return undefined;
    const same = (Object.keys(current) as (keyof PlaygroundParameters)[]).every(
      (key) => key === 'n' || simulated!.params[key] === current[key],
    );
    return same ? simulated.points : undefined;
  }

  function describe(curves: TheoryCurves): string {
    const model =
      params.model === 'min-norm'
        ? 'min-norm (λ = 0)'
        : params.model === 'ridge'
          ? `ridge, λ = ${params.lambda.toExponential(1)}`
          : `NTK (${params.ntkLayers === 'first' ? 'K₁' : 'K₁ + K₂'}), linearized: implicit ridge λ_eff = ${curves.modelLambda.toExponential(2)}`;
    return `n = ${params.n}, p = ${curves.dimension.toLocaleString('en-US')}, tr Σ = ${curves.traceSigma.toFixed(2)}, α = ${curves.alphaAbsolute.toPrecision(3)} (${params.budget}); ${model}. Benign regime needs a > 1 and a − 1 < b${params.a - 1 < params.b ? ' ✓' : ' ✗'}.`;
  }

  function redraw(): void {
    scheduled = false;
    try {
      const curves = theoryCurves(params);
      const points = simulatedFor(params);
      info.textContent = describe(curves);
      errorBox.textContent = '';
      figureByN.replaceChildren(
        drawRiskFigure({
          theory: curves.bySampleSize,
          simulated: points,
          xLabel: 'sample size n',
          marker: params.n,
          title: 'Risks against n (theory lines, simulation dots)',
          document,
        }),
        element(
          document,
          'figcaption',
          {},
          'Standard risk R, adversarial risk R_α of the chosen model, and the robust truth’s R_α(θ*) = α²‖θ*‖². Dashed: the chosen n.',
        ),
      );
      figureByLambda.replaceChildren(
        drawRiskFigure({
          theory: curves.byLambda,
          xLabel: params.model === 'ntk' ? 'kernel ridge λ' : 'ridge λ',
          xTickFormat: '.0e',
          marker: params.model === 'min-norm' ? undefined : params.lambda,
          title: `The ridge trade-off at n = ${params.n}`,
          document,
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
    } catch (error) {
      errorBox.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  function scheduleRedraw(): void {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(redraw);
  }

  function runSimulation(): void {
    worker?.terminate();
    const request: SimulationRequest = { params: { ...params }, replicates: 4, seed: 2024, testSize: 200 };
    const sizes = simulatedSampleSizes(request.params);
    worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
    button.disabled = true;
    progress.value = 0;
    root.dataset.simulation = 'running';
    status.textContent = `Simulating n = ${sizes.join(', ')} (${request.replicates} draws each)…`;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        progress.value = message.done / message.total;
        status.textContent = `Simulating: ${message.done}/${message.total} fits (n = ${message.n})…`;
        return;
      }
      button.disabled = false;
      worker?.terminate();
      worker = undefined;
      if (message.type === 'error') {
        root.dataset.simulation = 'failed';
        status.textContent = `Simulation failed: ${message.message}`;
        return;
      }
      simulated = { params: request.params, points: message.points };
      root.dataset.simulation = 'done';
      status.textContent = `Done: ${message.points.length / 2} sample sizes × ${request.replicates} draws in ${(message.ms / 1000).toFixed(1)} s (linalg backend ${message.backend}, one worker thread${message.isolated ? '' : '; page not cross-origin isolated'}). Dots: mean ± s.e.`;
      redraw();
    };
    worker.onerror = (event) => {
      button.disabled = false;
      root.dataset.simulation = 'failed';
      status.textContent = `Simulation failed: ${event.message}`;
    };
    worker.postMessage(request);
  }

  button.addEventListener('click', runSimulation);
  redraw();
  return {
    destroy() {
      worker?.terminate();
      container.replaceChildren();
    },
  };
}
