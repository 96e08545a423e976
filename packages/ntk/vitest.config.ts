import { packageProject } from '../../vitest.shared.ts';

const project = packageProject('@benignlab/ntk');

// Vitest also applies the custom resolve conditions to `require` inside externalized
// CommonJS packages. With 'import' among them, tfjs' `require('long')` gets long@5's ES
// module, whose namespace breaks tfjs' interop ("Long.fromString is not a function").
// Vite adds 'import'/'require' by itself, so dropping the explicit one changes nothing else.
const withoutImport = (conditions: string[] | undefined) => conditions?.filter((name) => name !== 'import');
if (project.resolve) project.resolve.conditions = withoutImport(project.resolve.conditions);
if (project.ssr?.resolve) project.ssr.resolve.conditions = withoutImport(project.ssr.resolve.conditions);

export default project;
