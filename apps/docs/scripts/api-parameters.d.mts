export interface ApiParameter {
  /** Import path of the entry point, e.g. `@benignlab/linalg/node-threads`. */
  entry: string;
  /** `<reflection path>(<parameter>)`, e.g. `Matrix.get(i)`. */
  name: string;
  /** The parameter's description as plain text; `''` when undocumented. */
  description: string;
  file: string;
  line: number;
}
export function apiParameters(options: {
  workspaceRoot: string;
  packages: { folder: string }[];
}): Promise<ApiParameter[]>;
