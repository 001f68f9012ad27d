/**
 * AWS CLI commands for a POSIX shell: write policy.json, create the managed policy, attach it.
 *
 * The policy goes into policy.json through a heredoc with a quoted delimiter (`<<'EOF'`), so the
 * shell expands nothing in it (`${aws:username}` stays as it is), and the delimiter is chosen so
 * that it does not occur in the policy text. Every other value is single-quoted, with `'` written
 * as `'\''`, which is safe for any text in any POSIX shell.
 */
import { serializeDocument } from '../../../policy/serialize';
import { kebabCase } from './names';
import type { ExportInput, ExportOutput } from './types';
import { descriptionOf, pathOf, targetsOf } from './types';

export const POLICY_FILE = 'policy.json';

/** A single-quoted POSIX shell word whose value is exactly `value`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A heredoc delimiter that occurs nowhere in `text`. */
export function heredocDelimiter(text: string): string {
  let delimiter = 'EOF';
  for (let n = 1; text.includes(delimiter); n++) delimiter = `POLICY_EOF_${n}`;
  return delimiter;
}

export function toAwsCli(input: ExportInput): ExportOutput {
  const policy = serializeDocument(input.document, { format: 'pretty' });
  const delimiter = heredocDelimiter(policy);
  const path = pathOf(input);
  const description = descriptionOf(input);
  const targets = targetsOf(input);

  const lines: string[] = [
    '#!/bin/sh',
    `# Creates the IAM managed policy ${oneLine(input.name)} and attaches it to its targets.`,
    '# Needs the AWS CLI and credentials allowed to call iam:CreatePolicy and iam:Attach*Policy.',
    'set -eu',
    '',
    `cat > ${POLICY_FILE} <<'${delimiter}'`,
    policy,
    delimiter,
    '',
    'aws iam create-policy \\',
    `  --policy-name ${shellQuote(input.name)} \\`,
    `  --path ${shellQuote(path)} \\`,
  ];
  if (description !== undefined) lines.push(`  --description ${shellQuote(description)} \\`);
  lines.push(`  --policy-document file://${POLICY_FILE}`);

  const attachments: string[] = [];
  for (const user of targets.users)
    attachments.push(`aws iam attach-user-policy --user-name ${shellQuote(user)} --policy-arn "$POLICY_ARN"`);
  for (const group of targets.groups)
    attachments.push(
      `aws iam attach-group-policy --group-name ${shellQuote(group)} --policy-arn "$POLICY_ARN"`,
    );
  for (const role of targets.roles)
    attachments.push(`aws iam attach-role-policy --role-name ${shellQuote(role)} --policy-arn "$POLICY_ARN"`);
  if (attachments.length > 0) {
    lines.push(
      '',
      '# In AWS GovCloud (US) or China, write arn:aws-us-gov or arn:aws-cn instead of arn:aws.',
      'ACCOUNT_ID="$(aws sts get-caller-identity --query Account --output text)"',
      `POLICY_ARN="arn:aws:iam::\${ACCOUNT_ID}:policy"${shellQuote(`${path}${input.name}`)}`,
      '',
      ...attachments,
    );
  }
  return {
    text: lines.join('\n') + '\n',
    filename: `create-${kebabCase(input.name, 'policy')}.sh`,
    mediaType: 'text/x-shellscript',
    notes: [],
  };
}

/** Text for a `#` comment: line breaks would end the comment, so they become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
