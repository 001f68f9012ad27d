/** Messages between the editor and its analysis worker (analysisWorker.ts). */
import type { Finding, PolicyKind } from '../policy/model';

export interface AnalysisRequest {
  readonly id: number;
  readonly text: string;
  readonly kind: PolicyKind;
}

export type AnalysisResponse =
  | {
      readonly id: number;
      readonly ok: true;
      readonly findings: readonly Finding[];
      /** null when the text does not parse */
      readonly sizeChars: number | null;
      readonly ms: number;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };
