import { describe, expect, it } from 'vitest';
import { ApiError, SERVER_UNREACHABLE } from '../../api/client';
import { errorText } from './apiErrorText';

describe('errorText', () => {
  it("shows IAM's MalformedPolicyDocument message under a clear title, with what to do", () => {
    const error = new ApiError(
      {
        code: 'MalformedPolicyDocument',
        message: 'IAM rejected the policy document: Policy statement must contain resources.',
        hint: 'Fix the document (the validator marks the place) and retry.',
      },
      400,
    );
    expect(errorText(error, 'Creating the policy')).toEqual({
      title: 'IAM rejected the policy document',
      message: 'IAM rejected the policy document: Policy statement must contain resources.',
      hint: 'Fix the document (the validator marks the place) and retry.',
    });
  });

  it('names the server being gone, and falls back to the action for unknown codes', () => {
    expect(errorText(new ApiError({ code: SERVER_UNREACHABLE, message: 'x' }, 0), 'Saving').title).toBe(
      'The local server is not running',
    );
    const other = errorText(
      new ApiError({ code: 'Weird', message: 'Something odd.' }, 500),
      'Creating the role',
    );
    expect(other.title).toBe('Creating the role failed (Weird)');
    expect(other.hint).toBe('Retry; nothing you entered is lost.');
  });

  it('titles the IAM errors the flows meet', () => {
    const title = (code: string) =>
      errorText(new ApiError({ code, message: 'm', hint: 'h' }, 400), 'Doing').title;
    expect(title('EntityAlreadyExists')).toBe('The name is already taken');
    expect(title('LimitExceeded')).toBe('An IAM quota was reached');
    expect(title('AccessDenied')).toBe('Access denied');
    expect(title('NoSuchEntity')).toBe('Not found in the account');
    expect(title('MissingToken')).toBe("The server does not accept this page's session");
    const denied = errorText(
      new ApiError(
        {
          code: 'AccessDenied',
          message: 'User is not authorized to perform: iam:CreatePolicy',
          hint: 'Ask an administrator to allow iam:CreatePolicy for your identity, or restart with a profile that has it (npm start -- --profile NAME).',
        },
        403,
      ),
      'Creating the policy',
    );
    expect(denied.hint).toMatch(/Ask an administrator to allow iam:CreatePolicy/);
  });
});
