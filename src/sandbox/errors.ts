/**
 * IAM's error codes as the Query protocol sends them, with IAM's HTTP statuses. The statuses of
 * the modelled errors match the `awsQueryError` traits of @aws-sdk/client-iam, so the SDK maps
 * each code to its typed exception (EntityAlreadyExists → EntityAlreadyExistsException, ...).
 */

export const IAM_ERROR_STATUS = {
  // modelled in @aws-sdk/client-iam (awsQueryError code → HTTP status)
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  DeleteConflict: 409,
  LimitExceeded: 409,
  MalformedPolicyDocument: 400,
  InvalidInput: 400,
  PolicyNotAttachable: 400,
  UnmodifiableEntity: 400,
  ConcurrentModification: 409,
  ServiceFailure: 500,
  // common AWS errors (not modelled; the SDK raises IAMServiceException/STSServiceException named by the code)
  ValidationError: 400,
  AccessDenied: 403,
  InvalidAction: 400,
  MissingAction: 400,
  InvalidParameterValue: 400,
  MissingAuthenticationToken: 403,
  InvalidClientTokenId: 403,
  ExpiredToken: 403,
  Throttling: 400,
} as const;

export type IamErrorCode = keyof typeof IAM_ERROR_STATUS;

/** An error IAM would answer with; the sandbox's HTTP layer writes it as an ErrorResponse. */
export class IamError extends Error {
  readonly status: number;

  constructor(
    readonly code: IamErrorCode,
    message: string,
    status?: number,
  ) {
    super(message);
    this.name = 'IamError';
    this.status = status ?? IAM_ERROR_STATUS[code];
  }
}

/**
 * IAM's wording for a request parameter that fails its constraint (the AWS "validation error"
 * format): `1 validation error detected: Value 'x' at 'policyName' failed to satisfy constraint: ...`.
 */
export function validationError(field: string, value: string | number, constraint: string): IamError {
  return new IamError(
    'ValidationError',
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

export function missingParameter(field: string): IamError {
  return new IamError(
    'ValidationError',
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );
}
