import { lazy, Suspense, useCallback, useState } from 'react';
import { selectTextValid, useEditorSelector } from '../../editor/useEditor';
import { SearchBox } from './SearchBox';
import { useSearchChoice, type ChoiceOutcome } from './useSearchChoice';

/** shown only after a choice: out of the first screen's chunk */
const DependencyOffer = lazy(async () => ({
  default: (await import('../findings/DependencyOffer')).DependencyOffer,
}));

/**
 * One search box over services and actions, at the top of the visual editor. Choosing an action
 * (or a pattern such as s3:Get*) puts it in the first block of its service or the first empty
 * block, otherwise in a new block; choosing a service starts a block for it. An action that needs
 * others (iam:PassRole, dependent actions) gets the offer to add them right below.
 */
export function ServiceActionSearch() {
  const textValid = useEditorSelector(selectTextValid);
  const choose = useSearchChoice();
  const [added, setAdded] = useState<{ readonly action: string; readonly blockIndex: number } | undefined>();
  const onChosen = useCallback((outcome: ChoiceOutcome) => {
    setAdded(
      outcome.addedAction === undefined
        ? undefined
        : { action: outcome.addedAction, blockIndex: outcome.blockIndex },
    );
  }, []);
  const onDismiss = useCallback(() => setAdded(undefined), []);
  return (
    <>
      <SearchBox disabled={!textValid} choose={choose} onChosen={onChosen} />
      {added && (
        <Suspense fallback={null}>
          <DependencyOffer
            key={added.action}
            blockIndex={added.blockIndex}
            action={added.action}
            onDismiss={onDismiss}
          />
        </Suspense>
      )}
    </>
  );
}
