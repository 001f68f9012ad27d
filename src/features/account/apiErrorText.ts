/**
 * What to tell the user about a failed API call: a title that says what happened, IAM's (or the
 * server's) message, and what to do next.
 */
import { SERVER_UNREACHABLE, type ApiError } from '../../api/client';

export interface ErrorText {
  readonly title: string;
  readonly message: string;
  readonly hint: string;
}

const TITLES: Readonly<Record<string, string>> = {
  [SERVER_UNREACHABLE]: 'The local server is not running',
  MissingToken: "The server does not accept this page's session",
  ForeignHost: 'The server refused the request',
  ForeignOrigin: 'The server refused the request',
  NotConnected: 'Not connected to an AWS account',
  NoCredentials: 'No AWS credentials',
  CredentialsExpired: 'The AWS credentials have expired',
  InvalidCredentials: 'The AWS credentials are not valid',
  Timeout: 'IAM did not answer in time',
  ConnectionFailed: 'IAM could not be reached',
  MalformedPolicyDocument: 'IAM rejected the policy document',
  EntityAlreadyExists: 'The name is already taken',
  LimitExceeded: 'An IAM quota was reached',
  AccessDenied: 'Access denied',
  NoSuchEntity: 'Not found in the account',
  ValidationError: 'A value was refused',
  InvalidInput: 'A value was refused',
  Throttling: 'IAM is limiting the request rate',
  InvalidTrustPolicy: 'The trust policy has errors',
  DeleteConflict: 'It is still in use',
  PolicyNotAttachable: 'This policy cannot be attached',
};

/** `doing`: what was attempted, e.g. "Creating the policy" (used when the code has no title). */
export function errorText(error: ApiError, doing: string): ErrorText {
  const title = TITLES[error.code] ?? `${doing} failed (${error.code})`;
  const hint = error.hint ?? 'Retry; nothing you entered is lost.';
  return { title, message: error.message, hint };
}
