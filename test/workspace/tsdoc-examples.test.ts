import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoot } from './published-packages.js';

// The developers' guide: "Public functions carry TSDoc with the formula or notation, units
// and shapes, and one example that a test compiles under --strict and runs." This is that test.
//
// Public = exported by an entry of the package's `exports` map (found with the TypeScript
// checker, so re-exports are followed). Every public function, class and public method of a
// public class needs an `@example` with a fenced code block (constants may have one; it is
// checked too). A declaration marked `@deprecated` (an old name kept as an alias) needs none.
//
// Convention for an example (what a reader sees is what runs):
// - It is the body of a user's ES module: top-level await is allowed.
// - Names that the documented package or one of its @benignlab dependencies exports are
//   imported implicitly (the test prepends `import { … } from '@benignlab/…'` for every such
//   name the example uses and does not declare), so a one-line example stays one line.
//   An example may write its own `import` lines (a subpath such as `@benignlab/linalg/node-threads`,
//   `node:` modules, third-party packages); names it imports itself are not added.
// - The fence ```ts browser marks an example that needs a browser (Web Workers on a
//   cross-origin isolated page): it is compiled but not run in Node.
// - The fence ```ts isolated runs the example in a Node process of its own, for one that
//   changes process-wide state a later example would see (a registered thread pool).
// All examples are compiled in one `--strict` program against the built packages' types
// (dist/*.d.ts through the workspace's node_modules, as a user sees them), then each package's
// examples run one after another in one Node process against dist/, each under a timeout.
// A few deliberately broken examples ride along (a type error, a throw, a missing example)
// and must be reported, so this test cannot pass by checking nothing.

const libraryPackages = ['linalg', 'data', 'linear-models', 'adversarial-risk', 'ntk', 'experiments'];
const exampleTimeoutMs = 30_000; // a hang guard only; examples take milliseconds
const scratchName = 'test-output/tsdoc-examples';

interface Example {
  /** `package:Declaration#k`, unique. */
  id: string;
  packageName: string;
  packageFolder: string;
  declaration: string;
  /** `path:line` of the declaration, relative to the workspace. */
  location: string;
  code: string;
  browserOnly: boolean;
  isolated: boolean;
}

interface ExampleBlock {
  code: string;
  browserOnly: boolean;
  isolated: boolean;
}

interface PublicDeclaration {
  packageName: string;
  /** The first entry that exports it, e.g. `@benignlab/linalg/node-threads`. */
  entry: string;
  name: string;
  kind: 'function' | 'class' | 'method' | 'constant';
  location: string;
  deprecated: boolean;
  examples: ExampleBlock[];
}

interface LibraryPackage {
  name: string;
  folder: string;
  /** Import specifier → source entry file. */
  entries: Map<string, string>;
  /** Names of the @benignlab packages this one may import (itself and its dependencies). */
  importable: string[];
}

function readLibraryPackage(folderName: string): LibraryPackage {
  const folder = join(workspaceRoot, 'packages', folderName);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const entries = new Map<string, string>();
  for (const [key, target] of Object.entries<Record<string, string> | string>(manifest.exports)) {
    if (key.endsWith('.json')) continue;
    const specifier = key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`;
    if (typeof target === 'string' || target['@benignlab/source'] === undefined) {
      // Without its source file this entry's declarations would go unchecked.
      throw new Error(`${specifier}: the exports entry has no "@benignlab/source" condition`);
    }
    entries.set(specifier, join(folder, target['@benignlab/source']));
  }
  const dependencies = Object.keys({
    ...manifest.dependencies,
    ...manifest.devDependencies,
    ...manifest.peerDependencies,
  }).filter((name) => name.startsWith('@benignlab/'));
  return { name: manifest.name, folder, entries, importable: [manifest.name, ...dependencies] };
}

// ---------------------------------------------------------------------------------------
// Finding the public declarations and their examples

/** The text of each `@example` section of a doc comment, split into fenced code blocks. */
function examplesOfComment(comment: string): ExampleBlock[] {
  const text = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
  const found: ExampleBlock[] = [];
  for (const section of text.split(/^@/m).filter((part) => part.startsWith('example'))) {
    for (const match of section.matchAll(/```(\w*)([^\n]*)\n([\s\S]*?)```/g)) {
      found.push({
        code: match[3] as string,
        browserOnly: /\bbrowser\b/.test(match[2] as string),
        isolated: /\bisolated\b/.test(match[2] as string),
      });
    }
  }
  return found;
}

function docCommentsOf(node: ts.Node): ts.JSDoc[] {
  return ts.getJSDocCommentsAndTags(node).filter((doc): doc is ts.JSDoc => ts.isJSDoc(doc));
}

function docOf(nodes: readonly ts.Node[]): {
  examples: ExampleBlock[];
  deprecated: boolean;
} {
  const examples: ExampleBlock[] = [];
  let deprecated = false;
  const seen = new Set<ts.JSDoc>();
  for (const node of nodes) {
    for (const doc of docCommentsOf(node)) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      examples.push(...examplesOfComment(doc.getText()));
      if (doc.tags?.some((tag) => tag.tagName.text === 'deprecated')) deprecated = true;
    }
  }
  return { examples, deprecated };
}

function isPublicMember(member: ts.ClassElement): boolean {
  if (member.name === undefined || ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
  return !docCommentsOf(member).some((doc) => doc.tags?.some((tag) => tag.tagName.text === 'internal'));
}

function locationOf(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(workspaceRoot, file.fileName)}:${line + 1}`;
}

/** Every public function, class, public method and constant of `pkg`, with its examples. */
function publicDeclarations(program: ts.Program, pkg: LibraryPackage): PublicDeclaration[] {
  const checker = program.getTypeChecker();
  const found = new Map<string, PublicDeclaration>();
  const add = (name: string, kind: PublicDeclaration['kind'], nodes: readonly ts.Node[]) => {
    const key = `${name}@${locationOf(nodes[0] as ts.Node)}`;
    if (found.has(key)) return; // the same declaration exported from two entries
    found.set(key, {
      packageName: pkg.name,
      entry,
      name,
      kind,
      location: locationOf(nodes[0] as ts.Node),
      ...docOf(nodes),
    });
  };
  let entry = '';
  for (const [specifier, entryFile] of pkg.entries) {
    entry = specifier;
    const source = program.getSourceFile(entryFile);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${entryFile}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // Declared in this package (not a re-export of a dependency, documented there).
      const declarations = (symbol.declarations ?? []).filter(
        (node) => !relative(pkg.folder, node.getSourceFile().fileName).startsWith('..'),
      );
      const name = exported.name;
      const functions = declarations.filter(ts.isFunctionDeclaration);
      const classes = declarations.filter(ts.isClassDeclaration);
      const variables = declarations.filter(ts.isVariableDeclaration);
      if (functions.length > 0) add(name, 'function', functions);
      for (const declaration of classes) {
        add(name, 'class', [declaration]);
        const methods = new Map<string, ts.ClassElement[]>();
        for (const member of declaration.members) {
          if (!ts.isMethodDeclaration(member) || !isPublicMember(member)) continue;
          const memberName = `${name}${ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static ? '.' : '#'}${member.name.getText()}`;
          methods.set(memberName, [...(methods.get(memberName) ?? []), member]);
        }
        for (const [memberName, nodes] of methods) add(memberName, 'method', nodes);
      }
      for (const variable of variables) {
        const initializer = variable.initializer;
        const isFunction =
          initializer !== undefined &&
          (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer));
        add(name, isFunction ? 'function' : 'constant', [variable]);
      }
    }
  }
  return [...found.values()];
}

function needsExample(declaration: PublicDeclaration): boolean {
  return declaration.kind !== 'constant' && !declaration.deprecated;
}

// ---------------------------------------------------------------------------------------
// Turning an example into a module

/** Names an example refers to but does not declare or import itself. */
function freeNames(code: string): Set<string> {
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const referenced = new Set<string>();
  const declared = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isDeclarationName =
        (ts.isVariableDeclaration(parent) ||
          ts.isBindingElement(parent) ||
          ts.isParameter(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isImportSpecifier(parent) ||
          ts.isImportClause(parent) ||
          ts.isNamespaceImport(parent) ||
          ts.isTypeAliasDeclaration(parent) ||
          ts.isInterfaceDeclaration(parent) ||
          ts.isTypeParameterDeclaration(parent)) &&
        (parent as ts.NamedDeclaration).name === node;
      const isMemberName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        ((ts.isPropertyAssignment(parent) ||
          ts.isPropertySignature(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isPropertyDeclaration(parent) ||
          ts.isBindingElement(parent)) &&
          parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        (ts.isImportSpecifier(parent) && parent.propertyName === node);
      if (isDeclarationName) declared.add(node.text);
      else if (!isMemberName) referenced.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return new Set([...referenced].filter((name) => !declared.has(name)));
}

/** Export name → the entry it is imported from, for what `pkg` may import (itself first). */
function exportIndex(program: ts.Program, packages: Map<string, LibraryPackage>, pkg: LibraryPackage) {
  const checker = program.getTypeChecker();
  const index = new Map<string, string>();
  for (const packageName of pkg.importable) {
    const importable = packages.get(packageName);
    if (importable === undefined) continue;
    for (const [specifier, entryFile] of importable.entries) {
      const source = program.getSourceFile(entryFile);
      const moduleSymbol = source && checker.getSymbolAtLocation(source);
      if (moduleSymbol === undefined) continue;
      for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        if (!index.has(exported.name)) index.set(exported.name, specifier);
      }
    }
  }
  return index;
}

function moduleOf(
  example: Example,
  index: Map<string, string>,
  prelude = '',
): { text: string; headerLines: number } {
  const bySpecifier = new Map<string, string[]>();
  for (const name of freeNames(example.code)) {
    const specifier = index.get(name);
    if (specifier !== undefined) bySpecifier.set(specifier, [...(bySpecifier.get(specifier) ?? []), name]);
  }
  const header = [...bySpecifier].map(
    ([specifier, names]) => `import { ${names.sort().join(', ')} } from '${specifier}';`,
  );
  if (prelude !== '') header.push(prelude);
  const text = `${header.join('\n')}\n${example.code}\nexport {};\n`;
  return { text, headerLines: header.join('\n').split('\n').length };
}

// ---------------------------------------------------------------------------------------
// Compiling all examples in one program

interface ExampleFile {
  example: Example;
  /** Virtual path inside the package folder, so `@benignlab/*` resolves as for its users. */
  path: string;
  text: string;
  headerLines: number;
}

function compileErrors(files: ExampleFile[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    esModuleInterop: true,
  };
  const byPath = new Map(files.map((file) => [file.path, file]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.getCurrentDirectory = () => workspaceRoot;
  host.fileExists = (path) => byPath.has(path) || fileExists.call(host, path);
  host.readFile = (path) => byPath.get(path)?.text ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const file = byPath.get(path);
    return file === undefined
      ? getSourceFile.call(host, path, language, ...rest)
      : ts.createSourceFile(path, file.text, language, true, ts.ScriptKind.TS);
  };
  const program = ts.createProgram({ rootNames: [...byPath.keys()], options, host });
  const errors = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file && byPath.get(diagnostic.file.fileName);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (file === undefined) {
      errors.set('(program)', [...(errors.get('(program)') ?? []), message]);
      continue;
    }
    const line =
      diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line - file.headerLines + 1;
    const id = file.example.id;
    errors.set(id, [...(errors.get(id) ?? []), `example line ${line}: TS${diagnostic.code} ${message}`]);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------
// Running each package's examples in one Node process

const runnerSource = `
// Imports each example module in turn; reports to the parent over IPC (stdout is the examples').
let current;
process.on('unhandledRejection', (error) => process.send({ id: current, failed: String(error?.stack ?? error) }));
for (const [id, url] of JSON.parse(process.env.TSDOC_EXAMPLES)) {
  current = id;
  process.send({ id, started: true });
  const start = performance.now();
  try {
    await import(url);
    process.send({ id, ms: performance.now() - start });
  } catch (error) {
    process.send({ id, failed: String(error?.stack ?? error) });
  }
}
process.send({ done: true });
process.disconnect();
process.exit(0);
`;

interface RunOutcome {
  failures: Map<string, string>;
  milliseconds: Map<string, number>;
}

/** Runs `modules` ([id, file URL]) in order in one process; a hang is killed and the rest resumed. */
function runInOneProcess(runner: string, modules: [string, string][], outcome: RunOutcome): Promise<void> {
  return new Promise((resolvePromise) => {
    let next = 0; // index of the first module not yet started
    let child: ChildProcess;
    let timer: NodeJS.Timeout | undefined;
    const start = (from: number) => {
      if (from >= modules.length) {
        resolvePromise();
        return;
      }
      let finished = false;
      child = fork(runner, [], {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        env: { ...process.env, TSDOC_EXAMPLES: JSON.stringify(modules.slice(from)) },
      });
      let stderr = '';
      child.stdout?.resume();
      child.stderr?.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on(
        'message',
        (message: { id?: string; started?: boolean; ms?: number; failed?: string; done?: boolean }) => {
          if (message.done) {
            finished = true;
            return;
          }
          const id = message.id as string;
          if (message.started) {
            next = modules.findIndex(([moduleId]) => moduleId === id) + 1;
            clearTimeout(timer);
            timer = setTimeout(() => {
              outcome.failures.set(id, `timed out after ${exampleTimeoutMs} ms`);
              child.kill('SIGKILL');
            }, exampleTimeoutMs);
          } else if (message.failed !== undefined) {
            if (!outcome.failures.has(id)) outcome.failures.set(id, message.failed);
          } else if (message.ms !== undefined) {
            clearTimeout(timer);
            outcome.milliseconds.set(id, message.ms);
          }
        },
      );
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (finished) {
          resolvePromise();
          return;
        }
        // The process died inside example next − 1 (a hang killed, or process.exit/crash).
        const [id] = modules[next - 1] ?? [`(runner of ${modules[from]?.[0]})`];
        if (!outcome.failures.has(id)) {
          outcome.failures.set(
            id,
            `the process exited (${signal ?? code}) inside this example: ${stderr.trim()}`,
          );
        }
        start(Math.max(next, from + 1));
      });
    };
    start(0);
  });
}

// ---------------------------------------------------------------------------------------
// The deliberately broken examples that must be reported

const selfCheckSource = `
/**
 * Compiles and runs.
 * @example
 * \`\`\`ts
 * fine(); // 1
 * \`\`\`
 */
export function fine(): number { return 1; }
/**
 * Its example has a type error.
 * @example
 * \`\`\`ts
 * const n: string = dot(Float64Array.of(1), Float64Array.of(2));
 * \`\`\`
 */
export function mistyped(): void {}
/**
 * Its example compiles and throws (vectors of different lengths).
 * @example
 * \`\`\`ts
 * dot(Float64Array.of(1, 2), Float64Array.of(1, 2, 3));
 * \`\`\`
 */
export function throwing(): void {}
/** No example. */
export function undocumented(): void {}
/** No example either. */
export class UndocumentedClass {
  /**
   * A method with an example.
   * @example
   * \`\`\`ts
   * new UndocumentedClass().documented();
   * \`\`\`
   */
  documented(): void {}
  /** A public method without one. */
  bare(): void {}
  private hidden(): void {}
}
/** Old name. @deprecated use {@link fine} */
export function oldFine(): number { return 1; }
`;

// ---------------------------------------------------------------------------------------

const packages = new Map(
  libraryPackages.map((folder) => readLibraryPackage(folder)).map((pkg) => [pkg.name, pkg]),
);
const selfCheckFolder = join(workspaceRoot, 'packages', 'linalg', 'src', '__tsdoc_self_check__');
const selfCheckFile = join(selfCheckFolder, 'index.ts');

let declarations: PublicDeclaration[] = [];
let examples: Example[] = [];
let compile = new Map<string, string[]>();
const run: RunOutcome = { failures: new Map(), milliseconds: new Map() };

function examplesOf(found: PublicDeclaration[], pkg: LibraryPackage): Example[] {
  return found.flatMap((declaration) =>
    declaration.examples.map((example, k) => ({
      id: `${declaration.entry}:${declaration.name}${declaration.examples.length > 1 ? ` (${k + 1})` : ''}`,
      packageName: pkg.name,
      packageFolder: pkg.folder,
      declaration: declaration.name,
      location: declaration.location,
      ...example,
    })),
  );
}

let clock = performance.now();
function phase(what: string): void {
  console.log(`${what} in ${((performance.now() - clock) / 1000).toFixed(1)} s`);
  clock = performance.now();
}

beforeAll(async () => {
  for (const pkg of packages.values()) {
    for (const entry of pkg.entries.keys()) {
      // The examples compile and run against dist/, as users see the packages.
      const manifest = JSON.parse(readFileSync(join(pkg.folder, 'package.json'), 'utf8'));
      const key = entry === pkg.name ? '.' : `./${entry.slice(pkg.name.length + 1)}`;
      try {
        readFileSync(join(pkg.folder, manifest.exports[key].types));
      } catch {
        throw new Error(`${entry} has no built types: run the build (npm test does) before this test`);
      }
    }
  }
  // One program over the sources finds the declarations, plus the self-check module as if
  // it were in linalg. Only the packages' own files are read (no lib, no node_modules): the
  // exports and doc comments need the binder, not types, and this keeps it fast.
  const sourceOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(sourceOptions);
  const { fileExists, readFile } = host;
  host.fileExists = (path) =>
    path === selfCheckFile || (!path.includes('/node_modules/') && fileExists.call(host, path));
  host.readFile = (path) => (path === selfCheckFile ? selfCheckSource : readFile.call(host, path));
  const entryFiles = [...packages.values()].flatMap((pkg) => [...pkg.entries.values()]);
  const program = ts.createProgram({
    rootNames: [...entryFiles, selfCheckFile],
    options: sourceOptions,
    host,
  });

  const linalg = packages.get('@benignlab/linalg') as LibraryPackage;
  const selfCheck: LibraryPackage = {
    name: '@benignlab/linalg',
    folder: selfCheckFolder,
    entries: new Map([['(self-check)', selfCheckFile]]),
    importable: linalg.importable,
  };
  const selfCheckDeclarations = publicDeclarations(program, selfCheck).map((declaration) => ({
    ...declaration,
    packageName: '(self-check)',
  }));
  const selfCheckExamples = examplesOf(selfCheckDeclarations, { ...linalg, name: '(self-check)' });
  declarations = [...packages.values()].flatMap((pkg) => publicDeclarations(program, pkg));
  examples = [...packages.values()].flatMap((pkg) => examplesOf(publicDeclarations(program, pkg), pkg));
  declarations.push(...selfCheckDeclarations);
  examples.push(...selfCheckExamples);

  const files: ExampleFile[] = [];
  const scratchFolders = new Map<string, string>();
  for (const pkg of packages.values()) {
    const index = exportIndex(program, packages, pkg);
    const scratch = join(pkg.folder, scratchName);
    scratchFolders.set(pkg.name, scratch);
    for (const example of examples.filter((e) => e.packageFolder === pkg.folder)) {
      // `fine` and `UndocumentedClass` live in the self-check module, not in a package:
      // the self-check examples get a local copy of them.
      const prelude =
        example.packageName === '(self-check)'
          ? 'function fine(): number { return 1; }\nclass UndocumentedClass { documented(): void {} }'
          : '';
      const { text, headerLines } = moduleOf(example, index, prelude);
      const safeName = `${files.length}-${example.id.replace(/[^A-Za-z0-9_.-]+/g, '_')}`;
      files.push({
        example,
        path: join(scratch, `${safeName}.ts`),
        text,
        headerLines,
      });
    }
  }
  phase('found the declarations');
  compile = compileErrors(files);
  phase('compiled the examples');

  // Run the examples that compiled, per package, one process each.
  const runnerFile = join(workspaceRoot, 'packages', 'linalg', scratchName, 'runner.mjs');
  for (const scratch of scratchFolders.values()) {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
  }
  writeFileSync(runnerFile, runnerSource);
  const byPackage = new Map<string, [string, string][]>();
  for (const file of files) {
    if (file.example.browserOnly || compile.has(file.example.id)) continue;
    const { code } = transformSync(file.text, { loader: 'ts', format: 'esm', target: 'node20' });
    const out = file.path.replace(/\.ts$/, '.mjs');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
    const group = file.example.isolated ? file.example.id : file.example.packageFolder;
    const list = byPackage.get(group) ?? [];
    list.push([file.example.id, `file://${out}`]);
    byPackage.set(group, list);
  }
  for (const modules of byPackage.values()) {
    await runInOneProcess(runnerFile, modules, run);
    phase(`ran ${modules.length} examples of ${modules[0]?.[0].split(':')[0]}`);
  }
  const slowest = [...run.milliseconds].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(`slowest examples: ${slowest.map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(', ')}`);
}, 600_000);

describe('TSDoc examples of the public API', () => {
  it('finds the public declarations of every library package', () => {
    for (const pkg of packages.values()) {
      expect(declarations.filter((d) => d.packageName === pkg.name).length, pkg.name).toBeGreaterThan(5);
    }
    console.log(
      `${declarations.filter((d) => d.packageName !== '(self-check)').length} public declarations, ` +
        `${examples.filter((e) => e.packageName !== '(self-check)').length} examples`,
    );
  });

  it('reports the self-check: a missing example, a type error and a throw', () => {
    const missing = declarations
      .filter((d) => d.packageName === '(self-check)' && needsExample(d) && d.examples.length === 0)
      .map((d) => d.name);
    expect(missing.sort()).toEqual(['UndocumentedClass', 'UndocumentedClass#bare', 'undocumented']);
    expect([...compile.keys()].filter((id) => id.startsWith('(self-check)'))).toEqual([
      '(self-check):mistyped',
    ]);
    expect([...run.failures.keys()].filter((id) => id.startsWith('(self-check)'))).toEqual([
      '(self-check):throwing',
    ]);
    expect(run.milliseconds.has('(self-check):fine')).toBe(true);
    expect(run.milliseconds.has('(self-check):UndocumentedClass#documented')).toBe(true);
  });

  it('every public function, class and method has an example', () => {
    const missing = declarations
      .filter((d) => d.packageName !== '(self-check)' && needsExample(d) && d.examples.length === 0)
      .map((d) => `${d.packageName} ${d.kind} ${d.name} (${d.location})`);
    expect(missing).toEqual([]);
  });

  it('every example compiles under --strict', () => {
    const failures = examples
      .filter((e) => e.packageName !== '(self-check)' && compile.has(e.id))
      .map((e) => `${e.id} (${e.location}):\n  ${compile.get(e.id)?.join('\n  ')}`);
    expect([...(compile.get('(program)') ?? []), ...failures]).toEqual([]);
  });

  it('every example runs without throwing', () => {
    const failures = examples
      .filter((e) => e.packageName !== '(self-check)' && run.failures.has(e.id))
      .map(
        (e) => `${e.id} (${e.location}):\n  ${run.failures.get(e.id)?.split('\n').slice(0, 4).join('\n  ')}`,
      );
    expect(failures).toEqual([]);
  });
});
