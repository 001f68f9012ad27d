import type { ApiErrorBody, ApiErrorInfo } from './contract';

/** An error an operation answers with: an HTTP status and the body's { code, message, hint }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly info: ApiErrorInfo,
  ) {
    super(info.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.info.code;
  }

  body(): ApiErrorBody {
    return { error: this.info };
  }
}
