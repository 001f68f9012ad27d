import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { DEPENDENT_ACTION_SOURCES } from '../../catalog/dependentActions';
import { useEditorDispatch, useEditorState } from '../../editor/useEditor';
import type { BlockMeta } from '../../editor/policyReducer';
import { applyLeastPrivilegeFix, type LeastPrivilegeFix } from '../../policy/leastPrivilege';
import { passRoleStatement } from '../../policy/leastPrivilege/dependencies';

export interface FindingFixProps {
  readonly fix: LeastPrivilegeFix;
}

/** The one-click change of a least-privilege finding (iam:PassRole asks for the role ARN first). */
export function FindingFix({ fix }: FindingFixProps) {
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const [roleArn, setRoleArn] = useState(fix.needsRoleArn?.roleArnHint ?? '');
  const apply = (extra: Parameters<typeof applyLeastPrivilegeFix>[2], label: string) => {
    const document = applyLeastPrivilegeFix(state.document, fix, extra);
    if (document === state.document) return;
    const added = fix.statements.length - 1 + (extra?.length ?? 0);
    const meta: (BlockMeta | undefined)[] = state.ids.map((id) => state.meta[id]);
    meta.splice(fix.index + 1, 0, ...Array.from({ length: added }, () => undefined));
    dispatch({
      type: 'replaceDocument',
      document,
      label,
      meta: meta.map((m) => m ?? {}),
    });
  };
  if (fix.needsRoleArn) {
    const { neededBy } = fix.needsRoleArn;
    const valid = /^arn:[^:]+:iam::\d{12}:role\/.+/.test(roleArn);
    const source = DEPENDENT_ACTION_SOURCES.find((s) => s.id === 'sar');
    return (
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', px: 2, pb: 1, flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label="Role ARN to pass"
          value={roleArn}
          onChange={(event) => setRoleArn(event.target.value)}
          // the hint as offered (account, no role name yet) is not an error: it is where to type
          error={roleArn !== '' && roleArn !== fix.needsRoleArn.roleArnHint && !valid}
          helperText={valid ? undefined : 'arn:aws:iam::<account>:role/<role name>'}
          sx={{ minWidth: 320 }}
        />
        <Button
          size="small"
          variant="outlined"
          disabled={!valid}
          onClick={() =>
            apply([passRoleStatement([roleArn], neededBy)], `Add iam:PassRole for ${neededBy.join(', ')}`)
          }
        >
          Add iam:PassRole
        </Button>
        {source ? (
          <Box component="span" sx={{ typography: 'caption', color: 'text.secondary' }}>
            Dependencies: AWS Service Authorization Reference, read {source.read}
          </Box>
        ) : null}
      </Box>
    );
  }
  return (
    <Box sx={{ px: 2, pb: 1 }}>
      <Button size="small" variant="outlined" onClick={() => apply([], fix.label)}>
        {fix.label}
      </Button>
    </Box>
  );
}
