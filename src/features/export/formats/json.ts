/**
 * The policy document as JSON, exactly as the editor holds it (see policy/serialize.ts): pretty
 * (4 spaces, as the AWS console writes it) or minified.
 */
import { serializeDocument } from '../../../policy/serialize';
import type { SerializeFormat } from '../../../policy/serialize';
import { fileBaseName } from './names';
import type { ExportInput, ExportOutput } from './types';

export interface JsonExportOptions {
  /** 'pretty' (default) or 'minified' */
  readonly format?: SerializeFormat;
}

export function toPolicyJson(input: ExportInput, options: JsonExportOptions = {}): ExportOutput {
  const format = options.format ?? 'pretty';
  return {
    text: serializeDocument(input.document, { format }) + '\n',
    filename: `${fileBaseName(input.name)}.json`,
    mediaType: 'application/json',
    notes: [],
  };
}
