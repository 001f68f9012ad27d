import CallSplitIcon from '@mui/icons-material/CallSplit';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { statementsOf } from '../../editor/policyReducer';
import { useEditorDispatch, useEditorStore } from '../../editor/useEditor';
import { getMember, isJsonObject } from '../../policy/json';
import type { StatementView } from '../../policy/model';
import { arnServicesOfTemplates, splitByService, whyNotSplit } from '../../policy/serviceSplit';

export interface SplitByServiceButtonProps {
  readonly id: string;
  readonly statement: StatementView;
  readonly services: readonly string[];
  readonly readOnly: boolean;
}

/**
 * One click: the statement becomes one block per service, with the same Effect and Condition and
 * the ARNs each service's resource types can be (splitByService: the same access).
 */
export function SplitByServiceButton({ id, statement, services, readOnly }: SplitByServiceButtonProps) {
  const dispatch = useEditorDispatch();
  const { loader } = useCatalog();
  const store = useEditorStore();
  const [busy, setBusy] = useState(false);
  const why = whyNotSplit(statement.raw);
  const split = async () => {
    setBusy(true);
    try {
      // the ARN templates say which ARNs each part keeps; a service that does not load keeps them all
      const details = await Promise.all(
        services.map((prefix) => loader.loadService(prefix).catch(() => undefined)),
      );
      const byPrefix = new Map(
        details.flatMap((d) =>
          d
            ? [
                [
                  d.prefix.toLowerCase(),
                  arnServicesOfTemplates(
                    d.prefix,
                    d.resourceTypes.map((r) => r.arn),
                  ),
                ] as const,
              ]
            : [],
        ),
      );
      const state = store.state;
      const index = state.ids.indexOf(id);
      const current = statementsOf(state.document)[index];
      if (!isJsonObject(current)) return;
      const takenSids = new Set(
        statementsOf(state.document).flatMap((s, i) => {
          const sid = i !== index && isJsonObject(s) ? getMember(s, 'Sid') : undefined;
          return typeof sid === 'string' ? [sid] : [];
        }),
      );
      const parts = splitByService(current, { arnServicesOf: (prefix) => byPrefix.get(prefix), takenSids });
      if (parts)
        dispatch({ type: 'splitBlock', id, statements: parts, label: 'Split into per-service blocks' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip
      title={
        why
          ? `Cannot split: ${why}`
          : `One block per service (${services.length}), with the same effect, conditions and access`
      }
    >
      <span>
        <Button
          color="inherit"
          size="small"
          startIcon={<CallSplitIcon />}
          disabled={readOnly || busy || why !== undefined}
          onClick={() => void split()}
          sx={{ whiteSpace: 'nowrap' }}
        >
          Split into per-service blocks
        </Button>
      </span>
    </Tooltip>
  );
}
