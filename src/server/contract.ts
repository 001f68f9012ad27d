/**
 * The contract between the browser and the local server: every operation, its input schema
 * and its output type. The browser imports types only from here.
 */
import { z } from 'zod';

export const API_PREFIX = '/api/';

/** How the server talks to IAM. */
export type ConnectionMode = 'aws' | 'sandbox' | 'endpoint';

export interface SessionInfo {
  readonly app: string;
  readonly version: string;
  readonly mode: ConnectionMode;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
}

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export const operations = {
  session: { input: z.object({}).strict() },
} as const;

export type OperationName = keyof typeof operations;

export interface OperationOutputs {
  session: SessionInfo;
}
