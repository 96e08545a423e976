/** The CommonJS stub for the ES module `esmFile` (relative to the stub) of `specifier`. */
export function requireStub(specifier: string, esmFile: string): string;
/** Writes the stub of every `exports` entry of the package in `folder` (default: cwd) that names one. */
export function writeRequireStubs(folder?: string): void;
