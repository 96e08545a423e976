// Finds the parameters of the public API whose description is empty, from TypeDoc's JSON
// output of every public entry point — the same entry points the API reference is built from.
import { join } from 'node:path';
import { Application, ReflectionKind } from 'typedoc';
import { packageEntryPoints } from './generate-api.mjs';

// Signatures whose parameters the reader calls: functions, constructors, methods and
// accessors' setters. Parameters of function *types* (callbacks) are described by the
// parameter or property that holds them.
const callableKinds = new Set([ReflectionKind.Function, ReflectionKind.Constructor, ReflectionKind.Method]);

function textOf(parts) {
  return (parts ?? [])
    .map((part) => part.text)
    .join('')
    .trim();
}

function* walk(node, path) {
  if (!node || typeof node !== 'object') return;
  const name = node.name ?? '';
  const here = name && node.kind !== ReflectionKind.Project ? [...path, name] : path;
  // Members inherited from Error and the like are documented by their own library.
  if (node.inheritedFrom) return;
  if (callableKinds.has(node.kind)) {
    for (const signature of node.signatures ?? []) {
      for (const parameter of signature.parameters ?? []) {
        yield {
          name: `${here.join('.')}(${parameter.name})`,
          description: textOf(parameter.comment?.summary),
          source: signature.sources?.[0] ?? node.sources?.[0],
        };
      }
    }
  }
  for (const child of node.children ?? []) yield* walk(child, here);
}

/**
 * Every public parameter of the packages' entry points as
 * `{ entry, name, description, file, line }`; `description` is `''` when undocumented.
 * One TypeDoc conversion per entry point, as the API pages do.
 * @param {{ workspaceRoot: string, packages: { folder: string }[] }} options
 */
export async function apiParameters({ workspaceRoot, packages }) {
  const found = [];
  for (const { folder } of packages) {
    const packageDir = join(workspaceRoot, folder);
    const { name, entries } = packageEntryPoints(packageDir);
    for (const { subpath, file } of entries) {
      const app = await Application.bootstrap({
        entryPoints: [file],
        tsconfig: join(packageDir, 'tsconfig.json'),
        skipErrorChecking: true,
        excludePrivate: true,
        excludeInternal: true,
        logLevel: 'Error',
        validation: { notExported: false, invalidLink: false, notDocumented: false },
      });
      const project = await app.convert();
      if (!project) throw new Error(`TypeDoc could not convert ${file}`);
      const json = app.serializer.projectToObject(project, workspaceRoot);
      const entry = subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
      for (const parameter of walk(json, [])) {
        found.push({
          entry,
          name: parameter.name,
          description: parameter.description,
          file: parameter.source?.fileName ?? '',
          line: parameter.source?.line ?? 0,
        });
      }
    }
  }
  return found;
}
