/**
 * What every exporter takes and gives back. Exporters are pure: text in memory, no I/O.
 */
import type { JsonValue } from '../../../policy/model';

/** IAM identities to attach the managed policy to, by name (not ARN). */
export interface ExportTargets {
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly roles: readonly string[];
}

export interface ExportInput {
  /** the policy document as parsed (key order, string-versus-array form and value types kept) */
  readonly document: JsonValue;
  /** the managed policy name, e.g. "EcsReadOnlyWithMfa" */
  readonly name: string;
  readonly description?: string;
  /** the IAM path; "/" when absent or empty */
  readonly path?: string;
  readonly targets?: ExportTargets;
}

export interface ExportOutput {
  readonly text: string;
  /** a file name to offer for download */
  readonly filename: string;
  readonly mediaType: string;
  /**
   * What the target format cannot express exactly, or what the reader should check, as sentences
   * for the UI. Empty when the export is exact.
   */
  readonly notes: readonly string[];
}

export const DEFAULT_PATH = '/';

export function pathOf(input: ExportInput): string {
  return input.path ? input.path : DEFAULT_PATH;
}

export function descriptionOf(input: ExportInput): string | undefined {
  return input.description ? input.description : undefined;
}

/** The targets of each kind, in order, without empty names or repeats. */
export function targetsOf(input: ExportInput): ExportTargets {
  const clean = (names: readonly string[] | undefined): string[] => [
    ...new Set((names ?? []).filter((name) => name.length > 0)),
  ];
  return {
    users: clean(input.targets?.users),
    groups: clean(input.targets?.groups),
    roles: clean(input.targets?.roles),
  };
}
