import type { JsonObject } from '../../policy/model';
import { serializeDocument } from '../../policy/serialize';
import { downloadText } from '../export/download';

/** "policy-1.json", "policy-2.json", … */
export function partFileName(index: number): string {
  return `policy-${index + 1}.json`;
}

/** The text of one part, as downloaded: pretty JSON with a final line break. */
export function partText(document: JsonObject): string {
  return `${serializeDocument(document, { format: 'pretty' })}\n`;
}

/** Downloads every part, one file each, a little apart so that the browser takes them all. */
export function downloadParts(documents: readonly JsonObject[]): void {
  documents.forEach((document, index) => {
    window.setTimeout(() => downloadText(partFileName(index), partText(document)), index * 200);
  });
}
