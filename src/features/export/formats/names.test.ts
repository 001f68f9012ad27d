import { describe, expect, it } from 'vitest';
import { fileBaseName, kebabCase, pascalCase, snakeCase, UniqueNames, wordsOf } from './names';

describe('names', () => {
  it('splits names into words at separators and camelCase boundaries', () => {
    expect(wordsOf('EcsReadOnlyWithMfa')).toEqual(['Ecs', 'Read', 'Only', 'With', 'Mfa']);
    expect(wordsOf('S3FullAccessMFA')).toEqual(['S3', 'Full', 'Access', 'MFA']);
    expect(wordsOf('IAMUserChangePassword')).toEqual(['IAM', 'User', 'Change', 'Password']);
    expect(wordsOf('my-policy_name.v2')).toEqual(['my', 'policy', 'name', 'v2']);
  });

  it('makes PascalCase logical IDs of letters and digits only', () => {
    expect(pascalCase('EcsReadOnlyWithMfa', 'X')).toBe('EcsReadOnlyWithMfa');
    expect(pascalCase('my-policy_name.v2', 'X')).toBe('MyPolicyNameV2');
    expect(pascalCase('bob@example.com', 'X')).toBe('BobExampleCom');
    expect(pascalCase('3rd-party', 'Policy')).toBe('Policy3rdParty');
    expect(pascalCase('—', 'Policy')).toBe('Policy');
  });

  it('makes snake_case Terraform names that start with a letter', () => {
    expect(snakeCase('EcsReadOnlyWithMfa', 'policy')).toBe('ecs_read_only_with_mfa');
    expect(snakeCase('S3FullAccess', 'policy')).toBe('s3_full_access');
    expect(snakeCase('3rd-party', 'policy')).toBe('policy_3rd_party');
    expect(snakeCase('', 'policy')).toBe('policy');
  });

  it('makes kebab-case and safe file names', () => {
    expect(kebabCase('EcsReadOnlyWithMfa', 'policy')).toBe('ecs-read-only-with-mfa');
    expect(fileBaseName('a/b\\c d')).toBe('a-b-c-d');
    expect(fileBaseName('...')).toBe('policy');
  });

  it('makes names unique case-insensitively', () => {
    const names = new UniqueNames(['Reserved']);
    expect(names.take('reserved')).toBe('reserved2');
    expect(names.take('a', '_')).toBe('a');
    expect(names.take('A', '_')).toBe('A_2');
    expect(names.take('a', '_')).toBe('a_3');
  });
});
