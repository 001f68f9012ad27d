import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorState } from '../../editor/useEditor';
import { buildModel } from '../../policy/parse';
import { dependencyNeeds } from './dependencyNeeds';
import { FindingFix } from './FindingFix';

export interface DependencyOfferProps {
  /** the permission block (statement index) the action was added to */
  readonly blockIndex: number;
  /** the action just added ("ecs:RunTask") */
  readonly action: string;
  readonly onDismiss: () => void;
}

/**
 * Shown where an action was just added (the action picker, the search box): what the action also
 * needs that the policy does not allow, with the finding's one-click fix (iam:PassRole on a role
 * ARN the user gives, with iam:PassedToService; other dependencies scoped like the block).
 * Renders nothing once nothing is missing.
 */
export function DependencyOffer({ blockIndex, action, onDismiss }: DependencyOfferProps) {
  const { document } = useEditorState();
  const { view, version } = useCatalog();
  const model = useMemo(() => buildModel(document), [document]);
  // `version`: the view is one object that learns each service's details as they load
  const needs = useMemo(() => {
    void version;
    return dependencyNeeds(model, view, blockIndex, action);
  }, [model, view, version, blockIndex, action]);
  if (needs.length === 0) return null;
  return (
    <Alert
      severity="warning"
      variant="outlined"
      role="region"
      aria-label={`What ${action} also needs`}
      onClose={onDismiss}
      closeText={`Dismiss what ${action} also needs`}
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      {needs.map((need) => (
        <Box key={need.dependencies.join(' ')} sx={{ '& + &': { mt: 1 } }}>
          <Box sx={{ mb: 0.5 }}>
            {need.passRole
              ? `${action} also needs iam:PassRole: it passes a role${need.principals?.length ? ` to ${need.principals.join(', ')}` : ''}. Add iam:PassRole on that role only${need.principals?.length ? `, with iam:PassedToService ${need.principals.join(', ')}` : ''}.`
              : `${action} also needs ${need.dependencies.join(', ')}, scoped like this block's resources.`}
          </Box>
          <FindingFix fix={need.fix} />
        </Box>
      ))}
    </Alert>
  );
}
